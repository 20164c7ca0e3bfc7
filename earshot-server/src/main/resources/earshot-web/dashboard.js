// Earshot dashboard: "what is happening to us right now" in five seconds. Same rules as app.js: data from
// posts only becomes text nodes or http(s) links.
(function () {
  "use strict";
  var E = window.Earshot;
  var el = E.el, $ = E.$, clear = E.clear, safeUrl = E.safeUrl, items = E.items, api = E.api;
  var loadTopics = E.loadTopics, topicNames = E.topicNames, counts = E.counts;

  function dashboardPage() {
    var charts = [];
    loadTopics().then(function (topics) { $("getting-started").hidden = topics.length > 0; draw(); });
    $("range").addEventListener("change", draw);
    window.addEventListener("resize", function () { charts.forEach(function (c) { c.setSize(size(c.root.parentNode)); }); });
    function size(node) { return { width: Math.max(260, node.clientWidth - 8), height: 220 }; }
    function draw() {
      var range = $("range").value, hours = range === "24h" ? 24 : range === "7d" ? 168 : 720;
      var bucket = hours <= 24 ? 3600 : 86400, since = Date.now() / 1000 - hours * 3600;
      api("GET", "/api/v1/analytics/volume").then(function (probe) {
        $("dash-source").textContent = probe.status === 404
          ? "Computed in your browser from the newest 1,000 mentions (the analytics API is not available yet on this server)."
          : "Computed in your browser from the newest 1,000 mentions (this page does not use the analytics API yet).";
      });
      api("GET", "/api/v1/mentions?limit=1000").then(function (r) {
        var all = items(r.json).filter(function (m) { return Date.parse(m.createdAt) / 1000 >= since; });
        render(all, since, bucket);
      });
      recentAlerts();
    }
    function render(all, since, bucket) {
      charts.forEach(function (c) { c.destroy(); }); charts = [];
      var start = Math.floor(since / bucket) * bucket, n = Math.ceil((Date.now() / 1000 - start) / bucket) + 1;
      var xs = []; for (var i = 0; i < n; i++) xs.push(start + i * bucket);
      function index(m) { return Math.min(n - 1, Math.max(0, Math.floor((Date.parse(m.createdAt) / 1000 - start) / bucket))); }
      var topicIds = Object.keys(topicNames);
      var perTopic = topicIds.map(function () { return xs.map(function () { return 0; }); });
      var sentiment = { negative: xs.map(function () { return 0; }), neutral: xs.map(function () { return 0; }), positive: xs.map(function () { return 0; }) };
      var split = { negative: 0, neutral: 0, positive: 0 };
      all.forEach(function (m) {
        var at = index(m);
        (m.topics || []).forEach(function (id) { var k = topicIds.indexOf(String(id)); if (k >= 0) perTopic[k][at]++; });
        var label = m.sentiment && m.sentiment.label;
        if (sentiment[label]) { sentiment[label][at]++; split[label]++; }
      });
      $("kpi-total").textContent = String(all.length);
      var scored = split.negative + split.neutral + split.positive || 1;
      $("kpi-negative").textContent = Math.round(100 * split.negative / scored) + "%";
      $("kpi-positive").textContent = Math.round(100 * split.positive / scored) + "%";
      var palette = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#4b5563"];
      if (window.uPlot) {
        var volume = $("chart-volume");
        clear(volume);
        charts.push(new uPlot({ width: size(volume).width, height: 220,
          series: [{}].concat(topicIds.map(function (id, k) { return { label: topicNames[id], stroke: palette[k % palette.length], width: 2 }; })),
          axes: [{}, { label: "mentions" }] }, [xs].concat(perTopic), volume));
        var trend = $("chart-sentiment");
        clear(trend);
        charts.push(new uPlot({ width: size(trend).width, height: 220,
          series: [{}, { label: "negative", stroke: "#dc2626", width: 2 }, { label: "neutral", stroke: "#6b7280", width: 2 }, { label: "positive", stroke: "#16a34a", width: 2 }] },
          [xs, sentiment.negative, sentiment.neutral, sentiment.positive], trend));
      }
      var bar = clear($("sentiment-split"));
      ["negative", "neutral", "positive"].forEach(function (label) {
        var part = el("span", { class: "part s-" + label, title: label + ": " + split[label], text: split[label] ? label + " " + Math.round(100 * split[label] / scored) + "%" : "" });
        part.style.flexGrow = String(split[label]);
        bar.appendChild(part);
      });
      var sov = clear($("share-of-voice"));
      var totals = topicIds.map(function (id, k) { return [topicNames[id], perTopic[k].reduce(function (a, b) { return a + b; }, 0)]; });
      var sum = totals.reduce(function (a, t) { return a + t[1]; }, 0) || 1;
      totals.sort(function (a, b) { return b[1] - a[1]; }).forEach(function (t) {
        var fill = el("span", { class: "fill" }); fill.style.width = (100 * t[1] / sum) + "%";
        sov.appendChild(el("li", {}, el("span", { class: "label", text: t[0] + " · " + Math.round(100 * t[1] / sum) + "%" }), el("span", { class: "track" }, fill)));
      });
      top("top-authors", counts(all, function (m) { return [m.author && m.author.handle]; }));
      top("top-hashtags", counts(all, function (m) { return (m.hashtags || []).map(function (h) { return "#" + h; }); }));
      top("top-links", counts(all, function (m) { return (m.links || []).filter(safeUrl); }), true);
    }
    function top(id, entries, links) {
      var ol = clear($(id));
      if (!entries.length) ol.appendChild(el("li", { class: "note", text: "Nothing yet." }));
      entries.slice(0, 8).forEach(function (e) {
        ol.appendChild(el("li", {}, links ? el("a", { href: e[0], rel: "noopener noreferrer nofollow", target: "_blank", text: e[0] }) : el("span", { text: e[0] }), el("span", { class: "count", text: String(e[1]) })));
      });
    }
    function recentAlerts() {
      api("GET", "/api/v1/alerts").then(function (r) {
        var ul = clear($("recent-alerts")), fired = 0;
        var rules = items(r.json);
        if (!rules.length) ul.appendChild(el("li", { class: "note", text: "No alert rules yet: add one on the Alerts page." }));
        rules.slice(0, 10).forEach(function (rule) {
          api("GET", "/api/v1/alerts/" + rule.id + "/history?limit=5").then(function (h) {
            items(h.json).forEach(function (a) {
              fired++;
              $("kpi-alerts").textContent = String(fired);
              ul.appendChild(el("li", {}, el("strong", { text: rule.name }), " ", el("span", { text: a.summary || a.title || a.kind || "" }), " ", el("time", { class: "note", text: a.firedAt || a.at || "" })));
            });
          });
        });
        $("kpi-alerts").textContent = "0";
      });
    }
  }

  E.pages["/"] = dashboardPage;
})();
