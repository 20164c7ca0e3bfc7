// Earshot dashboard: "what is happening to us right now" in five seconds. Every figure comes from the analytics
// API (/api/v1/analytics/*) for the chosen project (or all topics) and time range, so the page shows exactly what
// a script asking the API would get. Same rules as app.js: data from posts only becomes text nodes or http(s) links.
(function () {
  "use strict";
  var E = window.Earshot;
  var el = E.el, $ = E.$, clear = E.clear, items = E.items, api = E.api;
  var PALETTE = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#4b5563", "#ca8a04"];
  var SENTIMENTS = ["negative", "neutral", "positive"];
  var MOST_SERIES = 8;

  function dashboardPage() {
    var topics = [], projects = [], charts = [], seq = 0, sov = null;

    Promise.all([E.loadTopics(), api("GET", "/api/v1/projects"), api("GET", "/api/v1/sources")]).then(function (r) {
      topics = r[0];
      projects = items(r[1].json);
      var running = items(r[2].json).filter(function (s) { return ["starting", "connected", "retrying"].indexOf(s.state) >= 0; });
      $("empty-topics").hidden = topics.length > 0;
      $("empty-sources").hidden = running.length > 0;
      $("empty-projects").hidden = projects.length > 0 || topics.length < 2;
      $("getting-started").hidden = topics.length > 0 && running.length > 0 && (projects.length > 0 || topics.length < 2);
      var picker = $("project");
      projects.forEach(function (p) { picker.appendChild(el("option", { value: p.id, text: p.name })); });
      var wanted = new URLSearchParams(location.search).get("project") || (projects.length ? String(projects[0].id) : "");
      if (projects.some(function (p) { return String(p.id) === wanted; })) picker.value = wanted;
      draw();
    });
    $("project").addEventListener("change", draw);
    $("range").addEventListener("change", function () {
      $("custom-range").hidden = $("range").value !== "custom";
      if ($("range").value === "custom" && !$("range-from").value) {
        $("range-to").value = isoDay(new Date());
        $("range-from").value = isoDay(new Date(Date.now() - 7 * 86400000));
      }
      draw();
    });
    ["range-from", "range-to"].forEach(function (id) { $(id).addEventListener("change", draw); });
    Array.prototype.forEach.call(document.querySelectorAll('input[name="sov-metric"]'), function (radio) {
      radio.addEventListener("change", function () { if (sov) shareOfVoice(sov); });
    });
    $("dash-form").addEventListener("submit", function (e) { e.preventDefault(); });
    window.addEventListener("resize", function () { charts.forEach(function (c) { c.setSize(size(c.root.parentNode)); }); });

    function isoDay(date) { return date.toISOString().slice(0, 10); }
    function size(node) { return { width: Math.max(260, node.clientWidth - 8), height: 220 }; }

    /** The time range as analytics parameters, with the interval that gives a readable number of points. */
    function range() {
      var now = Date.now(), from, to = now;
      var value = $("range").value;
      if (value === "custom") {
        from = Date.parse($("range-from").value + "T00:00:00");
        to = Date.parse($("range-to").value + "T00:00:00") + 86400000;
        if (!(to > from)) return null;
      } else {
        from = now - { "24h": 1, "7d": 7, "30d": 30 }[value] * 86400000;
      }
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
      return { from: from, to: to, interval: to - from <= 2 * 86400000 ? "hour" : "day",
        params: "&from=" + new Date(from).toISOString() + "&to=" + new Date(to).toISOString() + "&tz=" + encodeURIComponent(zone) };
    }

    /** What the figures are about: the chosen project's topics, or every topic. */
    function scope() {
      var id = $("project").value;
      var project = projects.filter(function (p) { return String(p.id) === id; })[0];
      if (project) {
        var series = project.brand.concat(project.competitors);
        return { query: "project=" + project.id, sov: "project=" + project.id, series: series.length ? series : project.brand.concat(project.others || []), project: project };
      }
      var ids = topics.map(function (t) { return t.id; });
      return { query: "topics=" + ids.join(","), sov: "brand=" + ids.join(","), series: ids, project: null };
    }

    function draw() {
      var mine = ++seq;
      var when = range();
      if (!when) { $("dash-status").textContent = "Pick a start day before the end day."; return; }
      var time = when.params, interval = when.interval;
      spikes(when.from, when.to);
      if (!topics.length) { $("dash-status").textContent = "No topics yet: nothing to count."; return; }
      var s = scope();
      var base = "/api/v1/analytics/";
      $("dash-status").textContent = "Loading…";
      history.replaceState(null, "", s.project ? "/?project=" + s.project.id : "/");
      var volumeCalls = s.series.slice(0, MOST_SERIES).map(function (id) {
        return api("GET", base + "volume?topics=" + id + "&interval=" + interval + time);
      });
      Promise.all([
        api("GET", base + "volume?" + s.query + "&interval=" + interval + "&split=sentiment" + time),
        api("GET", base + "share-of-voice?" + s.sov + time),
        api("GET", base + "compare?" + s.query + time),
        api("GET", base + "top?" + s.query + "&by=authors&limit=8" + time),
        api("GET", base + "top?" + s.query + "&by=hashtags&limit=8" + time),
        api("GET", base + "top?" + s.query + "&by=links&limit=8" + time),
        api("GET", base + "trending?" + s.query + "&by=terms&limit=8" + time)
      ].concat(volumeCalls)).then(function (r) {
        if (mine !== seq) return;
        var failed = r.filter(function (x) { return !x.ok; })[0];
        $("dash-status").textContent = failed ? ((failed.json && failed.json.error) || "analytics failed (" + failed.status + ")")
          : "From the analytics API · " + (s.project ? "project " + s.project.name : "all topics") + " · " + (interval === "day" ? "daily" : "hourly");
        charts.forEach(function (c) { c.destroy(); });
        charts = [];
        if (r[0].ok) sentiment(r[0].json);
        if (r[1].ok) { sov = r[1].json; shareOfVoice(sov); }
        if (r[2].ok) change(r[2].json);
        top("top-authors", r[3], false);
        top("top-hashtags", r[4], false, "#");
        top("top-links", r[5], true);
        trending(r[6]);
        volume(s, r.slice(7));
      });
    }

    function xs(json) { return json.buckets.map(function (b) { return Date.parse(b.start) / 1000; }); }

    function volume(s, responses) {
      var node = clear($("chart-volume"));
      var ok = responses.filter(function (x) { return x.ok; });
      if (!ok.length || !window.uPlot) return;
      var brand = s.project ? s.project.brand : [];
      var series = [{}], data = [xs(ok[0].json)];
      ok.forEach(function (x, k) {
        var id = x.json.topics[0];
        var name = E.topicNames[id] || ("#" + id);
        series.push({ label: s.project ? name + (brand.indexOf(id) >= 0 ? " (brand)" : "") : name,
          stroke: PALETTE[k % PALETTE.length], width: brand.indexOf(id) >= 0 ? 3 : 2 });
        data.push(x.json.buckets.map(function (b) { return b.count; }));
      });
      charts.push(new uPlot({ width: size(node).width, height: 220, series: series, axes: [{}, { label: "mentions" }] }, data, node));
    }

    function sentiment(json) {
      var totals = { negative: 0, neutral: 0, positive: 0 };
      json.buckets.forEach(function (b) { SENTIMENTS.forEach(function (label) { totals[label] += (b.counts && b.counts[label]) || 0; }); });
      var scored = totals.negative + totals.neutral + totals.positive;
      function pct(n) { return scored ? Math.round(100 * n / scored) + "%" : "–"; }
      $("kpi-total").textContent = String(json.total);
      $("kpi-negative").textContent = pct(totals.negative);
      $("kpi-positive").textContent = pct(totals.positive);
      var bar = clear($("sentiment-split"));
      SENTIMENTS.forEach(function (label) {
        var part = el("span", { class: "part s-" + label, title: label + ": " + totals[label], text: totals[label] ? label + " " + pct(totals[label]) : "" });
        part.style.flexGrow = String(totals[label]);
        bar.appendChild(part);
      });
      var node = clear($("chart-sentiment"));
      if (!window.uPlot) return;
      charts.push(new uPlot({ width: size(node).width, height: 220,
        series: [{}, { label: "negative", stroke: "#dc2626", width: 2 }, { label: "neutral", stroke: "#6b7280", width: 2 }, { label: "positive", stroke: "#16a34a", width: 2 }] },
        [xs(json)].concat(SENTIMENTS.map(function (label) { return json.buckets.map(function (b) { return (b.counts && b.counts[label]) || 0; }); })), node));
    }

    function change(json) {
      var v = json.volume, out = $("kpi-change");
      if (!v || v.relative === null || v.relative === undefined) { out.textContent = "no earlier period to compare"; out.className = "kpi-change"; return; }
      var up = v.relative >= 0;
      out.textContent = (up ? "▲ +" : "▼ ") + Math.round(100 * v.relative) + "% vs previous period" + (v.significant ? "" : " (within normal variation)");
      out.className = "kpi-change " + (v.significant ? (up ? "up" : "down") : "");
    }

    function shareOfVoice(json) {
      var metric = (document.querySelector('input[name="sov-metric"]:checked') || {}).value || "mentions";
      var ol = clear($("share-of-voice"));
      var rows = json.topics.slice().sort(function (a, b) { return b[metric + "Share"] - a[metric + "Share"]; });
      if (!json.totals[metric]) ol.appendChild(el("li", { class: "note", text: metric === "reach" ? "No reach known yet (followers of the authors)." : "Nothing in this range." }));
      rows.forEach(function (row) {
        var share = row[metric + "Share"];
        var fill = el("span", { class: "fill" + (row.role === "brand" && json.project ? " brand" : "") });
        fill.style.width = (100 * share) + "%";
        ol.appendChild(el("li", { "data-topic": row.topicId, "data-share": String(share) },
          el("span", { class: "label", text: row.name + (json.project ? " (" + row.role + ")" : "") + " · " + (100 * share).toFixed(1) + "%" }),
          el("span", { class: "count", text: String(row[metric]) }),
          el("span", { class: "track" }, fill)));
      });
    }

    function top(id, response, links, prefix) {
      var ol = clear($(id));
      var list = response.ok ? items(response.json) : [];
      if (!list.length) ol.appendChild(el("li", { class: "note", text: "Nothing in this range." }));
      list.forEach(function (entry) {
        // authors come with the handle and name of their newest post: a person reads "@ana.bsky.social", not a DID
        var handle = entry.handle ? (entry.handle.charAt(0) === "@" ? entry.handle : "@" + entry.handle) : null;
        var label = handle || entry.name || (prefix || "") + entry.value;
        var url = links ? E.safeUrl("https://" + entry.value) : null;
        ol.appendChild(el("li", {}, url ? el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank", text: entry.value })
          : el("span", { text: label, title: entry.name && entry.handle ? entry.name + " (" + entry.value + ")" : entry.value }),
          el("span", { class: "count", text: String(entry.mentions) })));
      });
    }

    function trending(response) {
      var ol = clear($("trending"));
      var list = response.ok ? items(response.json) : [];
      if (!list.length) ol.appendChild(el("li", { class: "note", text: "Nothing rising unusually fast." }));
      list.forEach(function (entry) {
        ol.appendChild(el("li", {}, el("span", { text: entry.value }),
          el("span", { class: "count", title: "z-score " + entry.score.toFixed(1), text: entry.count + " (was ~" + entry.expected.toFixed(1) + ")" })));
      });
    }

    /** Fired volume_spike alerts in the range, newest first, from each spike rule's history. */
    function spikes(from, to) {
      api("GET", "/api/v1/alerts").then(function (r) {
        var rules = items(r.json).filter(function (rule) { return rule.condition && rule.condition.type === "volume_spike"; });
        var ul = clear($("recent-spikes"));
        $("kpi-spikes").textContent = "0";
        if (!rules.length) {
          ul.appendChild(el("li", { class: "note" }, "No spike alert yet: ", el("a", { href: "/alerts", text: "add a volume spike rule" }), "."));
          return;
        }
        Promise.all(rules.map(function (rule) { return api("GET", "/api/v1/alerts/" + rule.id + "/history?limit=50"); })).then(function (all) {
          var fired = [];
          all.forEach(function (h) { items(h.json).forEach(function (a) {
            var at = Date.parse(a.firedAt);
            if (at >= from && at <= to) fired.push(a);
          }); });
          fired.sort(function (a, b) { return Date.parse(b.firedAt) - Date.parse(a.firedAt); });
          $("kpi-spikes").textContent = String(fired.length);
          if (!fired.length) ul.appendChild(el("li", { class: "note", text: "No spikes in this range." }));
          fired.slice(0, 10).forEach(function (a) {
            ul.appendChild(el("li", { class: "spike" + (a.severity ? " sev-" + a.severity : "") },
              el("strong", { text: (a.rule && a.rule.name) || "spike" }), " ", el("span", { text: a.reason || "" }), " ",
              el("time", { class: "note", datetime: a.firedAt, text: new Date(a.firedAt).toLocaleString() })));
          });
        });
      });
    }
  }

  E.pages["/"] = dashboardPage;
})();
