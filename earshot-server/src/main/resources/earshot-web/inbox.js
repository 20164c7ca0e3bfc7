// Earshot inbox: the queue. Same rules as app.js: text from posts and people only becomes text nodes or
// http(s) links, never markup. Loaded at the end of the page's main, before app.js: it starts on
// DOMContentLoaded, when app.js has set up window.Earshot.
(function () {
  "use strict";

  var RANK = { viewer: 0, responder: 1, analyst: 2, admin: 3 };
  function may(role) { return RANK[document.body.dataset.role || "viewer"] >= RANK[role]; }

  // Shared with case.js (window.EarshotInbox): how a case's standing and a time left read.
  function minutes(m) {
    var abs = Math.abs(m), h = Math.floor(abs / 60), text = h ? h + " h " + (abs % 60) + " min" : abs + " min";
    return m < 0 ? text + " late" : text + " left";
  }
  function slaText(sla) {
    if (!sla || sla.standing === "none") return { text: "no SLA", standing: "none" };
    var timer = (sla.response && sla.response.running) ? sla.response : (sla.resolution && sla.resolution.running) ? sla.resolution : null;
    var which = timer === sla.response ? "reply" : "resolve";
    if (!timer) return { text: sla.standing === "breached" ? "SLA breached" : "clocks stopped", standing: sla.standing };
    var text = (timer.breached ? "breached · " : "") + which + ": " + minutes(timer.remaining_minutes);
    return { text: text, standing: sla.standing };
  }
  function excerpt(text, max) {
    var chars = Array.from(text || "");
    return chars.length > max ? chars.slice(0, max).join("") + "…" : chars.join("");
  }
  function others(presence, me) {
    return (presence || []).filter(function (p) { return p.user !== me; });
  }
  function presenceText(list) {
    return list.map(function (p) { return p.user + " is " + p.activity; }).join(", ");
  }
  function isTyping(event) {
    var t = event.target;
    return event.ctrlKey || event.metaKey || event.altKey || (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)));
  }
  window.EarshotInbox = { may: may, slaText: slaText, minutes: minutes, excerpt: excerpt, others: others,
    presenceText: presenceText, isTyping: isTyping };

  function queuePage(E) {
    var el = E.el, $ = E.$, clear = E.clear, items = E.items, api = E.api;
    var root = $("inbox"), me = root.dataset.me, list = $("queue"), status = $("queue-status");
    var cases = [], at = -1, next = null;
    var params = new URLSearchParams(location.search);
    ["team", "assignee", "status", "sla"].forEach(function (name) {
      if (params.has(name)) $("f-" + name).value = params.get(name);
    });

    api("GET", "/api/v1/teams").then(function (r) {
      var members = {};
      items(r.json).forEach(function (team) {
        $("f-team").appendChild(el("option", { value: team.id, text: team.name }));
        (team.members || []).forEach(function (m) { members[m] = true; });
      });
      Object.keys(members).sort().forEach(function (m) {
        if (m !== me) $("f-assignee").appendChild(el("option", { value: m, text: m }));
      });
      if (params.has("team")) $("f-team").value = params.get("team");
      if (params.has("assignee")) $("f-assignee").value = params.get("assignee");
    });

    function query() {
      var q = new URLSearchParams();
      ["team", "assignee", "status", "sla"].forEach(function (name) {
        var value = $("f-" + name).value;
        if (value) q.set(name, value);
      });
      return q.toString();
    }
    function load() {
      var q = query();
      history.replaceState(null, "", "/inbox" + (q ? "?" + q : ""));
      cases = []; at = -1; clear(list);
      fetchPage("/api/v1/cases" + (q ? "?" + q : ""));
    }
    function fetchPage(url) {
      status.textContent = "Loading…";
      api("GET", url).then(function (r) {
        if (!r.ok) { status.textContent = (r.json && r.json.error) || "could not load the queue (" + r.status + ")"; return; }
        var page = items(r.json);
        page.forEach(function (c) { cases.push(c); list.appendChild(row(c)); });
        // the server's own link to the next page, used only if it is one
        next = typeof r.json.next === "string" && r.json.next.indexOf("/api/v1/cases?") === 0 ? r.json.next : null;
        $("queue-more").hidden = !next;
        status.textContent = cases.length ? cases.length + (cases.length === 1 ? " case" : " cases") + (next ? " (more below)" : "") : "";
        if (!cases.length) list.appendChild(el("li", { class: "note empty", text: "Nothing here: no case matches these filters." }));
        if (at < 0 && cases.length) move(0, false);
      });
    }
    function row(c) {
      var m = c.mention || {}, sla = slaText(c.sla);
      var author = m.handle || c.author;
      var link = el("a", { href: "/inbox/cases/" + encodeURIComponent(c.id), class: "case-link", text: excerpt(m.text, 160) || "(no text)" });
      var here = others(c.presence, me);
      var li = el("li", { class: "case-row p-" + c.priority + " sla-" + sla.standing, tabindex: "-1", "data-id": String(c.id),
          "aria-label": "Case " + c.id + ", " + c.priority + " priority, " + c.status + ", " + sla.text + ", from " + author },
        el("div", { class: "case-meta" },
          el("span", { class: "badge prio", text: c.priority }),
          el("span", { class: "badge status st-" + c.status, text: c.status }),
          el("span", { class: "team", text: c.team || "no team" }),
          el("span", { class: "assignee", text: c.assignee ? "→ " + c.assignee : "unassigned" }),
          el("span", { class: "author", text: author }),
          el("span", { class: "network", text: c.network }),
          el("span", { class: "sla sla-" + sla.standing, text: sla.text }),
          here.length ? el("span", { class: "collision", text: presenceText(here) }) : null),
        el("p", { class: "excerpt" }, link));
      li.addEventListener("click", function (event) {
        if (event.target.tagName !== "A") move(cases.findIndex(function (x) { return x.id === c.id; }), true);
      });
      return li;
    }
    function rows() { return list.querySelectorAll("li.case-row"); }
    function move(index, focus) {
      var all = rows();
      if (!all.length) return;
      at = Math.max(0, Math.min(index, all.length - 1));
      Array.prototype.forEach.call(all, function (li, i) { li.classList.toggle("current", i === at); li.setAttribute("aria-current", i === at ? "true" : "false"); });
      if (focus) { all[at].focus(); all[at].scrollIntoView({ block: "nearest" }); }
    }
    function current() { return at >= 0 ? cases[at] : null; }
    function change(body, done) {
      var c = current();
      if (!c) return;
      if (!may("responder")) { status.textContent = "Your role may read cases but not change them."; return; }
      api("PATCH", "/api/v1/cases/" + c.id, body).then(function (r) {
        if (!r.ok) { status.textContent = (r.json && r.json.error) || "failed (" + r.status + ")"; return; }
        cases[at] = r.json;
        var fresh = row(r.json), old = rows()[at];
        list.replaceChild(fresh, old);
        move(at, true);
        status.textContent = done(r.json);
      });
    }

    // New cases are announced, not slipped in: the list never moves under the keyboard. The first page is asked
    // again every 15 s while the tab is visible, and when the window gets the focus back; "Show them" (or n) reloads the queue.
    var title = document.title;
    function announce(count) {
      $("queue-new").hidden = !count;
      $("queue-new-text").textContent = count ? count + (count === 1 ? " new case " : " new cases ") : "";
      document.title = (count ? "(" + count + ") " : "") + title;
    }
    function poll() {
      if (document.hidden) return;
      var q = query();
      api("GET", "/api/v1/cases" + (q ? "?" + q : "")).then(function (r) {
        if (!r.ok) return;
        var known = {};
        cases.forEach(function (c) { known[c.id] = true; });
        announce(items(r.json).filter(function (c) { return !known[c.id]; }).length);
      });
    }
    function showNew() { announce(0); load(); }
    setInterval(poll, 15000);
    window.addEventListener("focus", poll);
    $("queue-new-show").addEventListener("click", showNew);

    document.addEventListener("keydown", function (event) {
      if (isTyping(event) || $("help").open) return;
      var key = event.key;
      if (key === "n" && !$("queue-new").hidden) { showNew(); event.preventDefault(); return; }
      if (key === "j" || key === "ArrowDown") { move(at + 1, true); event.preventDefault(); }
      else if (key === "k" || key === "ArrowUp") { move(at - 1, true); event.preventDefault(); }
      else if ((key === "o" || (key === "Enter" && !/^(A|BUTTON)$/.test(event.target.tagName))) && current()) { location.href = "/inbox/cases/" + current().id; event.preventDefault(); }
      else if (key === "a") { change({ assignee: me }, function (c) { return "Case " + c.id + " assigned to you."; }); }
      else if (key === "e") { change({ status: "resolved" }, function (c) { return "Case " + c.id + " resolved."; }); }
      else if (key === "?") { $("help").showModal(); event.preventDefault(); }
    });
    $("shortcuts").addEventListener("click", function () { $("help").showModal(); });
    ["f-team", "f-assignee", "f-status", "f-sla"].forEach(function (id) { $(id).addEventListener("change", load); });
    $("queue-filters").addEventListener("submit", function (e) { e.preventDefault(); });
    $("queue-more").addEventListener("click", function () { if (next) fetchPage(next); });
    load();
    cannedSection(E);
  }

  // Canned replies: listed for everyone, added by analysts and admins (the API's rule).
  function cannedSection(E) {
    var el = E.el, $ = E.$, clear = E.clear, items = E.items, api = E.api;
    function list() {
      api("GET", "/api/v1/canned-replies").then(function (r) {
        var ul = clear($("canned-list"));
        var all = items(r.json);
        if (!all.length) ul.appendChild(el("li", { class: "note", text: "None yet." }));
        all.forEach(function (c) {
          ul.appendChild(el("li", {}, el("strong", { text: c.name }), " ", el("span", { class: "note", text: c.text })));
        });
      });
    }
    if (may("analyst")) {
      $("canned-form").hidden = false;
      $("canned-form").addEventListener("submit", function (e) {
        e.preventDefault();
        api("POST", "/api/v1/canned-replies", { name: $("canned-name").value, text: $("canned-text").value }).then(function (r) {
          $("canned-error").textContent = r.ok ? "" : (r.json && r.json.error) || "failed (" + r.status + ")";
          if (r.ok) { $("canned-form").reset(); list(); }
        });
      });
    }
    list();
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (document.getElementById("inbox")) queuePage(window.Earshot);
  });
})();
