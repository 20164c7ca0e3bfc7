// Earshot inbox: one case. Same rules as app.js: text from posts and people only becomes text nodes or http(s)
// links. Uses window.Earshot (app.js) and window.EarshotInbox (inbox.js); starts on DOMContentLoaded.
(function () {
  "use strict";

  // What a reply may hold on each network, as the network counts it.
  var LIMITS = { bluesky: { max: 300, unit: "graphemes" }, mastodon: { max: 500, unit: "characters" } };
  var HEARTBEAT_MS = 15000;

  function casePage(E, I) {
    var el = E.el, $ = E.$, clear = E.clear, safeUrl = E.safeUrl, items = E.items, api = E.api;
    var root = $("case-view"), id = root.dataset.case, me = root.dataset.me, base = "/api/v1/cases/" + id;
    var current = null, accounts = [], idempotencyKey = null, sending = false, replyingSince = 0;

    function fail(r) { $("case-error").textContent = (r.json && r.json.error) || "failed (" + r.status + ")"; }
    function load() {
      return api("GET", base).then(function (r) {
        if (!r.ok) { fail(r); return; }
        $("case-error").textContent = "";
        render(r.json);
      });
    }
    function render(c) {
      current = c;
      document.title = "Case " + c.id + " · Earshot";
      thread(c);
      controls(c);
      sla(c.sla);
      replies(c.replies || []);
      history(c.history || []);
      collision(c.presence);
      if (c.contact) contact(c.contact.id);
      else clear($("contact")).appendChild(el("p", { class: "note", text: c.author }));
      count();
    }

    // ---- thread: every message as text, with a link to it on its network -----------------------
    function networkLink(m) {
      var url = safeUrl(m.url) || safeUrl(m.uri);
      var at = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/.exec(m.uri || "");
      if (!url && at) url = "https://bsky.app/profile/" + encodeURIComponent(at[1]) + "/post/" + encodeURIComponent(at[2]);
      return url ? el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank", text: "open on the network" }) : null;
    }
    function thread(c) {
      var ol = clear($("thread"));
      var messages = (c.thread && c.thread.messages) || [];
      messages.forEach(function (m) {
        ol.appendChild(el("li", { class: "message " + m.direction + (m.sentiment ? " s-" + m.sentiment : "") },
          el("div", { class: "meta" },
            el("span", { class: "author", text: m.direction === "outbound" ? "You (" + (m.handle || m.author) + ")" : (m.handle || m.author) }),
            el("time", { datetime: m.at, text: new Date(m.at).toLocaleString() }),
            m.sentiment ? el("span", { class: "badge s-" + m.sentiment, text: m.sentiment }) : null,
            networkLink(m)),
          el("p", { class: "text", text: m.text || "(deleted on its network)" })));
      });
    }

    // ---- status, priority, team, assignee, tags ------------------------------------------------
    function controls(c) {
      $("c-status").value = c.status;
      $("c-priority").value = c.priority;
      $("c-team").value = c.team || "";
      if (document.activeElement !== $("c-assignee")) $("c-assignee").value = c.assignee || "";
      var ul = clear($("c-tags"));
      if (!(c.tags || []).length) ul.appendChild(el("li", { class: "note", text: "none" }));
      (c.tags || []).forEach(function (tag) {
        var remove = el("button", { type: "button", class: "link", text: "×", "aria-label": "Remove tag " + tag });
        remove.addEventListener("click", function () { change({ remove_tags: [tag] }); });
        ul.appendChild(el("li", { class: "tag" }, el("span", { text: tag }), " ", remove));
      });
    }
    function change(body) {
      return api("PATCH", base, body).then(function (r) { if (r.ok) { $("case-error").textContent = ""; render(r.json); } else fail(r); });
    }
    $("c-status").addEventListener("change", function () { change({ status: this.value }); });
    $("c-priority").addEventListener("change", function () { change({ priority: this.value }); });
    $("c-team").addEventListener("change", function () { change({ team: this.value }); });
    $("c-assignee").addEventListener("change", function () { change({ assignee: this.value.trim() }); });
    $("c-assign-me").addEventListener("click", function () { change({ assignee: me }); });
    $("c-resolve").addEventListener("click", function () { change({ status: "resolved" }); });
    $("case-form").addEventListener("submit", function (e) {
      e.preventDefault();
      var tag = $("c-tag").value.trim();
      if (tag) change({ add_tags: [tag] }).then(function () { $("c-tag").value = ""; });
    });

    // ---- SLA, history, notes --------------------------------------------------------------------
    function sla(s) {
      var dl = clear($("sla"));
      dl.appendChild(el("dt", { text: "Standing" }));
      dl.appendChild(el("dd", {}, el("span", { class: "sla sla-" + (s ? s.standing : "none"), text: s ? s.standing.replace("_", " ") : "none" })));
      [["First response", s && s.response], ["Resolution", s && s.resolution]].forEach(function (pair) {
        var t = pair[1];
        dl.appendChild(el("dt", { text: pair[0] }));
        if (!t) { dl.appendChild(el("dd", { class: "note", text: "no target" })); return; }
        var state = t.running ? I.minutes(t.remaining_minutes) : t.stopped_at ? "stopped at " + new Date(t.stopped_at).toLocaleString() : "stopped";
        dl.appendChild(el("dd", { class: t.breached ? "breached" : "" },
          (t.breached ? "breached · " : "") + state + " (target " + t.target_minutes + " min" + (t.due ? ", due " + new Date(t.due).toLocaleString() : "") + ")"));
      });
    }
    function history(events) {
      var ol = clear($("history")), notes = clear($("notes"));
      events.forEach(function (h) {
        var what = h.type.replace(/_/g, " ") + (h.from ? " from " + h.from : "") + (h.to ? " to " + h.to : "");
        ol.appendChild(el("li", {}, el("time", { datetime: h.at, text: new Date(h.at).toLocaleString() }), " ",
          el("strong", { text: h.actor }), " ", el("span", { text: what }), h.text && h.type !== "note" ? el("span", { class: "note", text: " — " + h.text }) : null));
        if (h.type === "note") notes.appendChild(el("li", {}, el("strong", { text: h.actor }), " ", el("time", { class: "note", text: new Date(h.at).toLocaleString() }), el("p", { class: "text", text: h.text || "" })));
      });
      if (!notes.children.length) notes.appendChild(el("li", { class: "note", text: "No notes yet." }));
    }
    $("note-form").addEventListener("submit", function (e) {
      e.preventDefault();
      api("POST", base + "/notes", { text: $("note-text").value }).then(function (r) {
        if (!r.ok) { fail(r); return; }
        $("note-text").value = "";
        load();
      });
    });

    // ---- the author, as the team knows them --------------------------------------------------------
    function contact(contactId) {
      api("GET", "/api/v1/contacts/" + encodeURIComponent(contactId)).then(function (r) {
        var box = clear($("contact"));
        if (!r.ok) { box.appendChild(el("p", { class: "note", text: "Contact not available (" + r.status + ")." })); return; }
        var p = r.json;
        box.appendChild(el("p", {}, el("strong", { text: p.name }), " ",
          el("span", { class: "badge cs-" + p.status, text: p.status }), p.vip ? el("span", { class: "badge vip", text: "VIP" }) : null));
        if (I.may("responder")) {
          var vip = el("button", { type: "button", class: "secondary", "aria-pressed": String(!!p.vip), text: p.vip ? "Remove VIP" : "Mark VIP" });
          vip.addEventListener("click", function () { api("PATCH", "/api/v1/contacts/" + p.id, { vip: !p.vip }).then(function () { contact(p.id); }); });
          box.appendChild(vip);
        }
        var accts = el("ul", { class: "accounts" });
        (p.accounts || []).forEach(function (a) {
          accts.appendChild(el("li", { text: a.network + ": " + (a.handle || a.id) + (a.followers !== null && a.followers !== undefined ? " · " + a.followers + " followers" : "") }));
        });
        box.appendChild(accts);
        if (p.won_back_at) box.appendChild(el("p", { class: "note", text: "Won back " + new Date(p.won_back_at).toLocaleDateString() }));
        box.appendChild(el("h3", { text: "Sentiment by month" }));
        var months = el("ol", { class: "bars months" });
        Object.keys(p.sentiment_by_month || {}).forEach(function (month) {
          var mean = p.sentiment_by_month[month], fill = el("span", { class: "fill " + (mean < 0 ? "neg" : "pos") });
          fill.style.width = Math.round(Math.abs(mean) * 100) + "%";
          months.appendChild(el("li", {}, el("span", { class: "label", text: month + " " + (mean > 0 ? "+" : "") + mean }), el("span", { class: "track" }, fill)));
        });
        if (!months.children.length) months.appendChild(el("li", { class: "note", text: "Nothing yet." }));
        box.appendChild(months);
        box.appendChild(el("h3", { text: "Cases" }));
        var list = el("ul", { class: "other-cases" });
        (p.cases || []).forEach(function (c) {
          var label = "Case " + c.id + " · " + c.status + (c.team ? " · " + c.team : "") + " · " + new Date(c.opened_at).toLocaleDateString();
          list.appendChild(el("li", {}, String(c.id) === String(id) ? el("span", { text: label + " (this one)" }) : el("a", { href: "/inbox/cases/" + c.id, text: label })));
        });
        box.appendChild(list);
        (p.notes || []).forEach(function (n) { box.appendChild(el("p", { class: "note", text: n.author + ": " + n.text })); });
      });
    }

    // ---- collision: say we are here, show who else is -----------------------------------------------
    function collision(presence) {
      var here = I.others(presence, me), box = $("case-collision");
      box.textContent = here.length ? "Also here: " + I.presenceText(here) + (here.some(function (p) { return p.activity === "replying"; }) ? " — let them answer first." : "") : "";
      box.classList.toggle("busy", here.length > 0);
    }
    function beat() {
      if (!I.may("responder")) return;
      var activity = $("reply-text").value.trim() && Date.now() - replyingSince < 30000 ? "replying" : "viewing";
      api("POST", base + "/presence", { activity: activity }).then(function (r) { if (r.ok) collision(r.json.presence); });
    }
    window.addEventListener("pagehide", function () {
      if (!I.may("responder")) return;
      var csrf = document.querySelector('meta[name="csrf-token"]');
      fetch(base + "/presence", { method: "DELETE", keepalive: true, credentials: "same-origin", headers: { "X-CSRF-Token": csrf ? csrf.content : "" } });
    });

    // ---- the composer ----------------------------------------------------------------------------
    function account() { return accounts.find(function (a) { return String(a.id) === $("reply-account").value; }); }
    function length(text, unit) {
      if (unit === "graphemes" && window.Intl && Intl.Segmenter) return Array.from(new Intl.Segmenter().segment(text)).length;
      return Array.from(text).length;
    }
    function count() {
      var a = account(), text = $("reply-text").value, out = $("reply-count");
      if (!a) { out.textContent = Array.from(text).length + " characters"; return; }
      var limit = LIMITS[a.network] || { max: 500, unit: "characters" };
      // Mastodon replies start with the author's @address so they are notified: it counts too
      var handle = current && current.mention && current.mention.handle;
      var extra = a.network === "mastodon" && handle ? length("@" + handle.replace(/^@/, "") + " ", "characters") : 0;
      var used = length(text, limit.unit) + extra;
      out.textContent = used + " / " + limit.max + " " + limit.unit + " on " + a.network + (extra ? " (with the @mention)" : "");
      out.classList.toggle("over", used > limit.max);
      $("reply-send").disabled = sending || used > limit.max;
    }
    function newKey() {
      if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
      var bytes = new Uint8Array(16); crypto.getRandomValues(bytes);
      return Array.from(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    }
    function replies(list) {
      var ul = clear($("replies"));
      if (!list.length) ul.appendChild(el("li", { class: "note", text: "No replies yet." }));
      list.forEach(function (r) {
        var li = el("li", { class: "reply st-" + r.state, "data-state": r.state },
          el("span", { class: "badge", text: r.state.replace(/_/g, " ") }), " ",
          el("span", { class: "note", text: "by " + r.requested_by + (r.reviewed_by ? ", approved by " + r.reviewed_by : "") }),
          el("p", { class: "text", text: r.text }));
        if (r.state === "sent") {
          var url = safeUrl(r.url) || safeUrl(r.uri);
          li.appendChild(url ? el("a", { href: url, class: "reply-uri", rel: "noopener noreferrer", target: "_blank", text: r.uri || url })
            : el("code", { class: "reply-uri", text: r.uri || "" }));
        }
        if (r.state === "failed") li.appendChild(el("p", { class: "error", text: r.error || "failed" }));
        if (I.may("responder") && r.state === "awaiting_approval" && r.requested_by !== me) {
          li.appendChild(action("Approve and send", "/approve", r));
          li.appendChild(action("Reject", "/reject", r));
        } else if (r.state === "awaiting_approval") {
          li.appendChild(el("p", { class: "note", text: "Waiting for someone else on the team to approve it." }));
        }
        if (I.may("responder") && r.state === "failed") li.appendChild(action("Retry", "/retry", r));
        ul.appendChild(li);
      });
    }
    function action(label, path, reply) {
      var button = el("button", { type: "button", class: path === "/reject" ? "secondary" : "", text: label });
      button.addEventListener("click", function () {
        button.disabled = true;
        api("POST", base + "/replies/" + reply.id + path, path === "/reject" ? {} : undefined).then(function (r) {
          if (!r.ok) fail(r);
          load();
        });
      });
      return button;
    }
    $("reply-account").addEventListener("change", count);
    $("reply-text").addEventListener("input", function () {
      var was = Date.now() - replyingSince > 30000;
      replyingSince = Date.now();
      count();
      if (was) beat();
    });
    $("reply-canned").addEventListener("change", function () {
      if (!this.value) return;
      api("GET", base + "/canned/" + encodeURIComponent(this.value)).then(function (r) {
        if (!r.ok) { fail(r); return; }
        $("reply-text").value = r.json.text;
        count();
        $("reply-text").focus();
      });
    });
    $("reply-form").addEventListener("submit", function (e) {
      e.preventDefault();
      if (sending) return;
      // one key per composed reply: a double click or a retry after a lost answer is the same request
      if (!idempotencyKey) idempotencyKey = newKey();
      sending = true; count();
      $("reply-error").textContent = "Sending…";
      var body = { text: $("reply-text").value, account: Number($("reply-account").value), then: $("reply-then").value };
      var options = { method: "POST", credentials: "same-origin", body: JSON.stringify(body),
        headers: { "Content-Type": "application/json", "Accept": "application/json", "Idempotency-Key": idempotencyKey,
          "X-CSRF-Token": (document.querySelector('meta[name="csrf-token"]') || {}).content || "" } };
      fetch(base + "/reply", options).then(function (response) {
        return response.json().catch(function () { return null; }).then(function (json) { return { status: response.status, ok: response.ok, json: json }; });
      }).then(function (r) {
        sending = false;
        if (r.ok || (r.status === 502 && r.json && r.json.state === "failed")) {
          // the server decided: a new reply from here on needs a new key
          idempotencyKey = null;
          $("reply-error").textContent = r.ok ? "" : "Not sent: " + (r.json.error || "the network refused it") + ". Retry it below.";
          if (r.ok) { $("reply-text").value = ""; $("reply-canned").value = ""; }
          load();
        } else {
          $("reply-error").textContent = (r.json && r.json.error) || "failed (" + r.status + ")";
        }
        count();
      }, function () {
        // no answer: keep the key, so sending again cannot post twice
        sending = false; count();
        $("reply-error").textContent = "No answer from the server; send again safely, it will not post twice.";
      });
    });

    function setUp() {
      api("GET", "/api/v1/teams").then(function (r) {
        var members = {};
        items(r.json).forEach(function (t) {
          $("c-team").appendChild(el("option", { value: t.id, text: t.name }));
          (t.members || []).forEach(function (m) { members[m] = true; });
        });
        Object.keys(members).sort().forEach(function (m) { $("c-members").appendChild(el("option", { value: m })); });
        if (current) $("c-team").value = current.team || "";
      });
      api("GET", "/api/v1/accounts").then(function (r) {
        accounts = items(r.json);
        var select = clear($("reply-account"));
        if (!accounts.length) select.appendChild(el("option", { value: "", text: "No connected account (an admin connects them)" }));
        accounts.forEach(function (a) { select.appendChild(el("option", { value: a.id, text: a.network + ": " + (a.handle || a.account) })); });
        var same = accounts.find(function (a) { return current && a.network === current.network; });
        if (same) select.value = String(same.id);
        count();
      });
      api("GET", "/api/v1/canned-replies").then(function (r) {
        items(r.json).forEach(function (c) { $("reply-canned").appendChild(el("option", { value: c.id, text: c.name })); });
      });
      if (!I.may("responder")) {
        $("reply-form").hidden = true; $("reply-readonly").hidden = false; $("note-form").hidden = true;
        Array.prototype.forEach.call($("case-form").elements, function (x) { x.disabled = true; });
      }
    }

    document.addEventListener("keydown", function (event) {
      if (I.isTyping(event) || $("help").open) return;
      if (event.key === "a") $("c-assign-me").click();
      else if (event.key === "e") $("c-resolve").click();
      else if (event.key === "r") { $("reply-text").focus(); event.preventDefault(); }
      else if (event.key === "u") location.href = "/inbox";
      else if (event.key === "?") { $("help").showModal(); event.preventDefault(); }
    });

    load().then(function () { setUp(); beat(); });
    setInterval(beat, HEARTBEAT_MS);
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (document.getElementById("case-view")) casePage(window.Earshot, window.EarshotInbox);
  });
})();
