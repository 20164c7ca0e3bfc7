// Earshot web app. One file, no build step. Data from posts only ever becomes DOM text nodes
// (textContent / createTextNode) or http(s) hrefs: never markup.
(function () {
  "use strict";

  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var CSRF = csrfMeta ? csrfMeta.content : "";
  var ROLE = document.body.dataset.role || "viewer";
  var RANK = { viewer: 0, responder: 1, analyst: 2, admin: 3 };
  function may(role) { return RANK[ROLE] >= RANK[role]; }

  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else if (key === "class") node.className = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }
  function $(id) { return document.getElementById(id); }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function safeUrl(url) { return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null; }
  function items(json) { return Array.isArray(json) ? json : (json && json.items) || []; }

  function api(method, url, body) {
    var options = { method: method, credentials: "same-origin", headers: { "Accept": "application/json" } };
    if (method !== "GET") options.headers["X-CSRF-Token"] = CSRF;
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(url, options).then(function (response) {
      if (response.status === 401) { window.location.href = "/login?next=" + encodeURIComponent(location.pathname); }
      return response.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
        return { status: response.status, ok: response.ok, json: json };
      });
    });
  }

  var topicNames = {};
  function loadTopics() {
    return api("GET", "/api/v1/topics").then(function (r) {
      items(r.json).forEach(function (t) { topicNames[t.id] = t.name; });
      return items(r.json);
    });
  }

  // ---- one mention, safely -------------------------------------------------------------------
  function highlighted(text, matches) {
    var spans = [];
    (matches || []).forEach(function (m) { (m.spans || []).forEach(function (s) { spans.push(s); }); });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var out = el("p", { class: "text" });
    var at = 0;
    spans.forEach(function (s) {
      var start = Math.max(s[0], at), end = Math.min(s[1], text.length);
      if (end <= start) return;
      out.appendChild(document.createTextNode(text.slice(at, start)));
      out.appendChild(el("mark", { text: text.slice(start, end) }));
      at = end;
    });
    out.appendChild(document.createTextNode(text.slice(at)));
    return out;
  }

  function mentionItem(m) {
    var sentiment = (m.sentiment && m.sentiment.label) || "unknown";
    var meta = el("div", { class: "meta" });
    (m.topics || []).forEach(function (id) { meta.appendChild(el("span", { class: "topic", text: topicNames[id] || ("#" + id) })); });
    var author = (m.author && (m.author.displayName ? m.author.displayName + " (" + m.author.handle + ")" : m.author.handle)) || "?";
    meta.appendChild(el("span", { class: "author", text: author }));
    meta.appendChild(el("span", { class: "network", text: m.network }));
    meta.appendChild(el("time", { datetime: m.createdAt, text: new Date(m.createdAt).toLocaleString() }));
    var url = safeUrl(m.url);
    if (url) meta.appendChild(el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank", text: "open on " + m.network }));
    var li = el("li", { class: "mention s-" + sentiment, "data-network": m.network || "", "data-lang": m.lang || "", "data-sentiment": sentiment },
      meta,
      m.title ? el("p", { class: "title", text: m.title }) : null,
      highlighted(m.text || "", m.matches),
      el("div", { class: "foot" },
        el("span", { class: "badge s-" + sentiment, text: sentiment }),
        el("span", { class: "engagement", text: "♥ " + (m.likes || 0) + " · ↻ " + (m.reposts || 0) + " · ↩ " + (m.replies || 0) })));
    return li;
  }

  // ---- live stream ---------------------------------------------------------------------------
  function streamPage() {
    var list = $("stream"), status = $("stream-status"), paused = false, held = [], source = null;
    loadTopics().then(function (topics) {
      topics.forEach(function (t) { $("f-topic").appendChild(el("option", { value: t.id, text: t.name })); });
    });
    function matches(m) {
      var s = $("f-sentiment").value, n = $("f-network").value, l = $("f-lang").value.trim().toLowerCase();
      var label = (m.sentiment && m.sentiment.label) || "";
      return (!s || label === s) && (!n || m.network === n) && (!l || (m.lang || "").toLowerCase() === l);
    }
    function show(m) {
      if (!matches(m)) return;
      list.insertBefore(mentionItem(m), list.firstChild);
      while (list.children.length > 300) list.removeChild(list.lastChild);
    }
    function connect() {
      if (source) source.close();
      var topic = $("f-topic").value;
      clear(list);
      api("GET", "/api/v1/mentions?limit=30" + (topic ? "&topic=" + encodeURIComponent(topic) : "")).then(function (r) {
        items(r.json).slice().reverse().forEach(show);
      });
      source = new EventSource("/api/v1/stream" + (topic ? "?topic=" + encodeURIComponent(topic) : ""));
      source.onopen = function () { status.textContent = paused ? "Paused" : "Live"; };
      source.onerror = function () { status.textContent = "Reconnecting…"; };
      source.addEventListener("mention", function (event) {
        var m = JSON.parse(event.data);
        if (paused) { held.push(m); status.textContent = "Paused · " + held.length + " new"; } else show(m);
      });
      source.addEventListener("alert", function (event) {
        var a = JSON.parse(event.data);
        status.textContent = "Alert: " + (a.rule || a.title || "fired");
      });
    }
    $("pause").addEventListener("click", function () {
      paused = !paused;
      this.setAttribute("aria-pressed", String(paused));
      this.textContent = paused ? "Resume" : "Pause";
      if (!paused) { held.forEach(show); held = []; status.textContent = "Live"; } else status.textContent = "Paused";
    });
    $("f-topic").addEventListener("change", connect);
    ["f-sentiment", "f-network", "f-lang"].forEach(function (id) {
      $(id).addEventListener("change", function () {
        Array.prototype.forEach.call(list.children, function (li) {
          var s = $("f-sentiment").value, n = $("f-network").value, l = $("f-lang").value.trim().toLowerCase();
          li.hidden = (s && li.dataset.sentiment !== s) || (n && li.dataset.network !== n) || (l && li.dataset.lang.toLowerCase() !== l);
        });
      });
    });
    $("stream-filters").addEventListener("submit", function (e) { e.preventDefault(); });
    connect();
  }

  // ---- search --------------------------------------------------------------------------------
  function searchPage() {
    var params = new URLSearchParams(location.search);
    $("q").value = params.get("q") || "";
    loadTopics().then(run);
    $("search-form").addEventListener("submit", function (e) {
      e.preventDefault();
      history.replaceState(null, "", "/search?q=" + encodeURIComponent($("q").value));
      run();
    });
    function run() {
      var q = $("q").value.trim();
      $("csv").href = "/search.csv" + (q ? "?q=" + encodeURIComponent(q) : "");
      $("q-error").textContent = "";
      api("GET", "/api/v1/mentions?limit=200" + (q ? "&q=" + encodeURIComponent(q) : "")).then(function (r) {
        var list = clear($("results")), facets = clear($("facets"));
        if (!r.ok) {
          $("q-error").textContent = (r.json && r.json.error) || ("search failed (" + r.status + ")");
          $("search-count").textContent = "";
          return;
        }
        var found = items(r.json);
        $("search-count").textContent = (r.json.total || found.length) + " mentions" + (found.length < (r.json.total || 0) ? " (showing " + found.length + ")" : "");
        found.forEach(function (m) { list.appendChild(mentionItem(m)); });
        facet(facets, "Network", found, function (m) { return [m.network]; });
        facet(facets, "Sentiment", found, function (m) { return [(m.sentiment && m.sentiment.label) || "unknown"]; });
        facet(facets, "Language", found, function (m) { return [m.lang || "?"]; });
        facet(facets, "Topic", found, function (m) { return (m.topics || []).map(function (id) { return topicNames[id] || "#" + id; }); });
      });
    }
  }
  function counts(list, keys) {
    var map = {};
    list.forEach(function (m) { keys(m).forEach(function (k) { if (k) map[k] = (map[k] || 0) + 1; }); });
    return Object.keys(map).map(function (k) { return [k, map[k]]; }).sort(function (a, b) { return b[1] - a[1]; });
  }
  function facet(parent, title, list, keys) {
    var ul = el("ul");
    counts(list, keys).slice(0, 8).forEach(function (e) { ul.appendChild(el("li", {}, el("span", { text: e[0] }), el("span", { class: "count", text: String(e[1]) }))); });
    parent.appendChild(el("section", {}, el("h2", { text: title }), ul));
  }

  // ---- topics --------------------------------------------------------------------------------
  function topicsPage() {
    var timer = null, seq = 0;
    var editable = may("analyst");
    if (!editable) {
      $("topic-readonly").hidden = false;
      ["topic-name", "topic-query", "topic-save", "topic-new"].forEach(function (id) { $(id).disabled = true; });
    }
    function list() {
      loadTopics().then(function (topics) {
        var ul = clear($("topic-list"));
        if (!topics.length) ul.appendChild(el("li", { class: "note", text: "No topics yet: write your first query on the left." }));
        topics.forEach(function (t) {
          var button = el("button", { type: "button", class: "link", text: t.name });
          button.addEventListener("click", function () {
            $("topic-id").value = t.id; $("topic-name").value = t.name; $("topic-query").value = t.query; preview();
          });
          ul.appendChild(el("li", {}, button, el("code", { text: t.query })));
        });
      });
    }
    function mark(query, position) {
      var pre = clear($("topic-marked"));
      if (position === undefined || position === null) { pre.hidden = true; $("topic-query").removeAttribute("aria-invalid"); return; }
      var at = Math.max(0, Math.min(position, query.length));
      pre.hidden = false;
      pre.appendChild(document.createTextNode(query.slice(0, at)));
      pre.appendChild(el("mark", { class: "err", text: query.slice(at, at + 1) || " " }));
      pre.appendChild(document.createTextNode(query.slice(at + 1)));
      $("topic-query").setAttribute("aria-invalid", "true");
    }
    function showError(query, json, status) {
      $("topic-error").textContent = (json && json.error) || ("failed (" + status + ")");
      mark(query, json ? json.position : null);
    }
    function preview() {
      var query = $("topic-query").value, mine = ++seq;
      if (!query.trim()) { $("topic-error").textContent = ""; mark(query, null); clear($("topic-preview")); $("topic-estimate").textContent = ""; return; }
      api("POST", "/api/v1/topics/preview", { query: query }).then(function (r) {
        if (mine !== seq) return;
        var ul = clear($("topic-preview"));
        if (!r.ok) { showError(query, r.json, r.status); $("topic-estimate").textContent = ""; return; }
        $("topic-error").textContent = (r.json.warnings || []).join(" ");
        mark(query, null);
        $("topic-estimate").textContent = "≈ " + r.json.estimatedDaily + " mentions/day (" + r.json.inWindow + " in the last " + r.json.windowDays + " days of the archive; " + r.json.total + " in all)";
        r.json.items.forEach(function (m) { ul.appendChild(mentionItem(m)); });
        if (!r.json.items.length) ul.appendChild(el("li", { class: "note", text: "Nothing in the archive matches yet." }));
      });
    }
    $("topic-query").addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(preview, 250); });
    $("topic-new").addEventListener("click", function () { $("topic-form").reset(); $("topic-id").value = ""; preview(); });
    $("topic-form").addEventListener("submit", function (e) {
      e.preventDefault();
      var id = $("topic-id").value, query = $("topic-query").value;
      api(id ? "PUT" : "POST", id ? "/api/v1/topics/" + encodeURIComponent(id) : "/api/v1/topics", { name: $("topic-name").value, query: query })
        .then(function (r) {
          if (!r.ok) { showError(query, r.json, r.status); return; }
          $("topic-id").value = r.json.id;
          $("topic-error").textContent = "";
          $("topic-estimate").textContent = "Saved “" + r.json.name + "”.";
          list();
        });
    });
    list();
  }

  // ---- sources -------------------------------------------------------------------------------
  function sourcesPage() {
    api("GET", "/api/v1/sources").then(function (r) {
      var body = clear($("source-rows"));
      var list = items(r.json);
      if (!list.length) body.appendChild(el("tr", {}, el("td", { colspan: "4", text: "No sources running." })));
      list.forEach(function (s) {
        var details = Object.keys(s).filter(function (k) { return ["id", "network", "state", "status"].indexOf(k) < 0; })
          .map(function (k) { return k + ": " + (typeof s[k] === "object" ? JSON.stringify(s[k]) : s[k]); }).join(" · ");
        body.appendChild(el("tr", {}, el("td", { text: s.id || "" }), el("td", { text: s.network || s.type || "" }),
          el("td", {}, el("span", { class: "badge", text: s.state || s.status || "?" })), el("td", { class: "note", text: details })));
      });
    });
  }

  // ---- settings ------------------------------------------------------------------------------
  function settingsPage() {
    $("settings-role").textContent = may("admin") ? "You are an admin: you manage users and API tokens." : "Users and tokens are managed by admins; your role is " + ROLE + ".";
    if (!may("admin")) { $("user-form").hidden = true; $("token-form").hidden = true; return; }
    function load() {
      api("GET", "/api/v1/users").then(function (r) {
        var body = clear($("user-rows"));
        items(r.json).forEach(function (u) {
          var remove = el("button", { type: "button", class: "secondary", text: "Remove", "aria-label": "Remove " + u.name });
          remove.addEventListener("click", function () { if (confirm("Remove " + u.name + "?")) api("DELETE", "/api/v1/users/" + encodeURIComponent(u.name)).then(load); });
          var role = el("select", { "aria-label": "Role of " + u.name });
          ["viewer", "responder", "analyst", "admin"].forEach(function (name) {
            var option = el("option", { text: name }); if (name === u.role) option.selected = true; role.appendChild(option);
          });
          role.addEventListener("change", function () { api("PUT", "/api/v1/users/" + encodeURIComponent(u.name), { role: role.value }); });
          body.appendChild(el("tr", {}, el("td", { text: u.name }), el("td", {}, role), el("td", {}, remove)));
        });
      });
      api("GET", "/api/v1/tokens").then(function (r) {
        var body = clear($("token-rows"));
        items(r.json).forEach(function (t) {
          var revoke = el("button", { type: "button", class: "secondary", text: "Revoke", "aria-label": "Revoke " + t.label });
          revoke.addEventListener("click", function () { api("DELETE", "/api/v1/tokens/" + t.id).then(load); });
          body.appendChild(el("tr", {}, el("td", { text: t.label }), el("td", { text: t.role }), el("td", { text: t.createdAt }), el("td", {}, revoke)));
        });
      });
    }
    $("user-form").addEventListener("submit", function (e) {
      e.preventDefault();
      api("POST", "/api/v1/users", { name: $("user-name").value, role: $("user-role").value, password: $("user-password").value }).then(function (r) {
        $("user-error").textContent = r.ok ? "" : ((r.json && r.json.error) || "failed (" + r.status + ")");
        if (r.ok) { $("user-form").reset(); load(); }
      });
    });
    $("token-form").addEventListener("submit", function (e) {
      e.preventDefault();
      api("POST", "/api/v1/tokens", { label: $("token-label").value, role: $("token-role").value }).then(function (r) {
        var out = $("token-secret");
        out.hidden = false;
        clear(out);
        if (!r.ok) { out.textContent = (r.json && r.json.error) || "failed"; return; }
        out.appendChild(document.createTextNode("Copy it now, it is shown once: "));
        out.appendChild(el("code", { text: r.json.token }));
        load();
      });
    });
    load();
  }

  // helpers for the other page scripts (dashboard.js, alerts.js)
  window.Earshot = { el: el, $: $, clear: clear, safeUrl: safeUrl, items: items, api: api, loadTopics: loadTopics,
    topicNames: topicNames, counts: counts, may: may, pages: {} };

  var pages = { "/stream": streamPage, "/search": searchPage, "/topics": topicsPage, "/sources": sourcesPage, "/settings": settingsPage };
  document.addEventListener("DOMContentLoaded", function () {
    var start = pages[document.body.dataset.page] || window.Earshot.pages[document.body.dataset.page];
    if (start) start();
  });
})();
