// Earshot alerts page: the rule editor as a form (it writes the same JSON as POST /api/v1/alerts, see
// docs/alerts.md), the rules with pause/resume/delete, and each rule's history. Errors from the API are shown
// next to the form, word for word: they say what to write.
(function () {
  "use strict";
  var E = window.Earshot;
  var el = E.el, $ = E.$, clear = E.clear, items = E.items, api = E.api;
  var MASKED = "********";

  function alertsPage() {
    var editable = E.may("analyst"), rules = [], historyRule = null;
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

    E.loadTopics().then(function (topics) {
      var select = $("rule-topics");
      topics.forEach(function (t) { select.appendChild(el("option", { value: t.id, text: t.name })); });
      select.size = Math.min(8, Math.max(3, topics.length));
    });
    if (!editable) {
      $("rule-readonly").hidden = false;
      Array.prototype.forEach.call($("rule-form").elements, function (field) { field.disabled = true; });
      $("rule-new").hidden = true;
    }
    $("rule-type").addEventListener("change", showCondition);
    $("rule-new").addEventListener("click", function () { reset(); $("rule-name").focus(); });
    $("rule-cancel").addEventListener("click", reset);
    $("rule-form").addEventListener("submit", save);
    reset();
    load();

    function showCondition() {
      var type = $("rule-type").value;
      Array.prototype.forEach.call(document.querySelectorAll(".cond"), function (div) {
        div.hidden = div.dataset.type.split(" ").indexOf(type) < 0;
      });
      Array.prototype.forEach.call(document.querySelectorAll(".only-shift"), function (node) {
        node.hidden = type !== "sentiment_shift";
      });
      if (!$("c-min-volume").dataset.touched) $("c-min-volume").value = type === "sentiment_shift" ? "20" : "10";
    }
    $("c-min-volume").addEventListener("input", function () { this.dataset.touched = "1"; });

    function reset() {
      $("rule-form").reset();
      $("rule-id").value = "";
      delete $("c-min-volume").dataset.touched;
      Array.prototype.forEach.call(document.querySelectorAll(".zone"), function (input) { input.value = zone; });
      $("ch-secret").placeholder = "";
      $("rule-error").textContent = "";
      $("h-rule-form").textContent = "New rule";
      $("rule-save").textContent = "Create rule";
      showCondition();
    }

    function number(id) { var v = $(id).value.trim(); return v === "" ? null : Number(v); }

    /** The form as the rule JSON of docs/alerts.md; only what the form says, so the server's defaults apply. */
    function definition() {
      var type = $("rule-type").value, condition = { type: type };
      if (type === "digest") {
        condition.frequency = $("c-frequency").value;
        condition.at = $("c-at").value || "09:00";
        condition.time_zone = $("c-zone").value.trim() || "UTC";
        if (condition.frequency === "weekly") condition.day = $("c-day").value;
      } else if (type === "volume_spike" || type === "sentiment_shift") {
        if (type === "sentiment_shift") {
          condition.direction = $("c-direction").value;
          if (number("c-min-shift") !== null) condition.min_shift = number("c-min-shift");
        }
        condition.window = $("c-window").value.trim() || "60m";
        condition.sensitivity = $("c-sensitivity").value;
        if (number("c-min-volume") !== null) condition.min_volume = number("c-min-volume");
        condition.cooldown = $("c-cooldown").value.trim() || "2h";
      } else if (type === "influencer") {
        condition.min_followers = number("c-min-followers") || 0;
        if (number("c-min-score") !== null) condition.min_score = number("c-min-score");
      }
      var channels = [];
      if ($("ch-webhook").value.trim()) {
        var hook = { type: "webhook", url: $("ch-webhook").value.trim() };
        var secret = $("ch-secret").value;
        // editing: an empty secret field keeps the stored secret (the API never shows it, and keeps it for ********)
        if (secret) hook.secret = secret; else if ($("ch-secret").placeholder) hook.secret = MASKED;
        channels.push(hook);
      }
      if ($("ch-slack").value.trim()) channels.push({ type: "slack", url: $("ch-slack").value.trim() });
      var to = $("ch-email").value.split(",").map(function (a) { return a.trim(); }).filter(Boolean);
      if (to.length) channels.push({ type: "email", to: to });
      var fatigue = { max_per_hour: number("f-max") === null ? 30 : number("f-max") };
      if ($("f-quiet-from").value && $("f-quiet-to").value) {
        fatigue.quiet_hours = { from: $("f-quiet-from").value, to: $("f-quiet-to").value, time_zone: $("f-quiet-zone").value.trim() || "UTC" };
      }
      var body = {
        name: $("rule-name").value.trim(),
        topics: Array.prototype.map.call($("rule-topics").selectedOptions, function (o) { return Number(o.value); }),
        condition: condition, channels: channels, fatigue: fatigue
      };
      if ($("rule-filter").value.trim()) body.filter = $("rule-filter").value.trim();
      var existing = rules.filter(function (r) { return String(r.id) === $("rule-id").value; })[0];
      if (existing) {
        body.paused = existing.paused;
        // what the form does not show (filters by sentiment, language, …) is kept as it was
        if (existing.filters) body.filters = existing.filters;
        if (existing.fatigue && existing.fatigue.group_window) fatigue.group_window = existing.fatigue.group_window;
      }
      return body;
    }

    function save(e) {
      e.preventDefault();
      var id = $("rule-id").value;
      if (!$("rule-name").value.trim()) { $("rule-error").textContent = "Give the rule a name."; $("rule-name").focus(); return; }
      api(id ? "PUT" : "POST", id ? "/api/v1/alerts/" + encodeURIComponent(id) : "/api/v1/alerts", definition()).then(function (r) {
        if (!r.ok) { $("rule-error").textContent = (r.json && r.json.error) || ("failed (" + r.status + ")"); return; }
        reset();
        $("rule-error").textContent = "";
        load(r.json.id);
      });
    }

    function edit(rule) {
      reset();
      $("rule-id").value = rule.id;
      $("h-rule-form").textContent = "Edit “" + rule.name + "”";
      $("rule-save").textContent = "Save changes";
      $("rule-name").value = rule.name || "";
      $("rule-filter").value = rule.filter || "";
      Array.prototype.forEach.call($("rule-topics").options, function (o) { o.selected = (rule.topics || []).indexOf(Number(o.value)) >= 0; });
      var c = rule.condition || { type: "every_match" };
      $("rule-type").value = c.type;
      if (c.frequency) $("c-frequency").value = c.frequency;
      if (c.at) $("c-at").value = c.at;
      if (c.day) $("c-day").value = c.day;
      if (c.time_zone) $("c-zone").value = c.time_zone;
      if (c.direction) $("c-direction").value = c.direction;
      if (c.window) $("c-window").value = c.window;
      if (c.sensitivity) $("c-sensitivity").value = c.sensitivity;
      if (c.min_volume !== undefined) { $("c-min-volume").value = c.min_volume; $("c-min-volume").dataset.touched = "1"; }
      if (c.min_shift !== undefined) $("c-min-shift").value = c.min_shift;
      if (c.cooldown) $("c-cooldown").value = c.cooldown;
      if (c.min_followers !== undefined) $("c-min-followers").value = c.min_followers;
      if (c.min_score !== undefined) $("c-min-score").value = c.min_score;
      (rule.channels || []).forEach(function (ch) {
        if (ch.type === "webhook") { $("ch-webhook").value = ch.url || ""; if (ch.secret) $("ch-secret").placeholder = "unchanged (type to replace)"; }
        if (ch.type === "slack") $("ch-slack").value = ch.url || "";
        if (ch.type === "email") $("ch-email").value = (ch.to || []).join(", ");
      });
      var f = rule.fatigue || {};
      if (f.max_per_hour !== undefined) $("f-max").value = f.max_per_hour;
      if (f.quiet_hours) {
        $("f-quiet-from").value = f.quiet_hours.from || "";
        $("f-quiet-to").value = f.quiet_hours.to || "";
        $("f-quiet-zone").value = f.quiet_hours.time_zone || "UTC";
      }
      showCondition();
      $("rule-name").focus();
    }

    function describe(rule) {
      var c = rule.condition || {};
      var names = (rule.topics || []).map(function (id) { return E.topicNames[id] || "#" + id; });
      var what = { every_match: "every match", digest: (c.frequency || "daily") + " digest", volume_spike: "volume spike (" + (c.sensitivity || "medium") + ")",
        sentiment_shift: (c.direction || "negative") + " shift", influencer: "influencer" }[c.type] || c.type;
      var to = (rule.channels || []).map(function (ch) { return ch.type; });
      return what + " · " + (names.length ? names.join(", ") : "all topics") + " · " + (to.length ? to.join(", ") : "history only");
    }

    function load(selected) {
      api("GET", "/api/v1/alerts").then(function (r) {
        rules = items(r.json);
        var ul = clear($("rule-list"));
        if (!rules.length) ul.appendChild(el("li", { class: "note", text: "No rules yet: fill in the form to create one." }));
        rules.forEach(function (rule) {
          var actions = el("span", { class: "actions" });
          var history = el("button", { type: "button", class: "link", text: "History", "aria-label": "History of " + rule.name });
          history.addEventListener("click", function () { showHistory(rule); });
          actions.appendChild(history);
          if (editable) {
            var change = el("button", { type: "button", class: "link", text: "Edit", "aria-label": "Edit " + rule.name });
            change.addEventListener("click", function () { edit(rule); });
            var pause = el("button", { type: "button", class: "link", text: rule.paused ? "Resume" : "Pause", "aria-label": (rule.paused ? "Resume " : "Pause ") + rule.name });
            pause.addEventListener("click", function () {
              api("POST", "/api/v1/alerts/" + rule.id + (rule.paused ? "/resume" : "/pause")).then(function (x) { failed(x); load(); });
            });
            var remove = el("button", { type: "button", class: "link danger", text: "Delete", "aria-label": "Delete " + rule.name });
            remove.addEventListener("click", function () {
              if (!window.confirm("Delete the rule “" + rule.name + "” and its history?")) return;
              api("DELETE", "/api/v1/alerts/" + rule.id).then(function (x) { failed(x); if (historyRule && historyRule.id === rule.id) historyRule = null; load(); });
            });
            [change, pause, remove].forEach(function (b) { actions.appendChild(b); });
          }
          ul.appendChild(el("li", { class: rule.paused ? "paused" : "", "data-rule": rule.id },
            el("strong", { text: rule.name }), rule.paused ? el("span", { class: "badge", text: "paused" }) : null,
            el("span", { class: "note", text: describe(rule) }), actions));
        });
        var keep = rules.filter(function (x) { return x.id === (selected || (historyRule && historyRule.id)); })[0];
        showHistory(keep || null);
      });
      api("GET", "/api/v1/alerts/dead-letters").then(function (r) {
        var ul = clear($("dead-letters"));
        if (!r.ok) { ul.appendChild(el("li", { class: "note", text: (r.json && r.json.error) || "Not available." })); return; }
        var list = items(r.json);
        if (!list.length) ul.appendChild(el("li", { class: "note", text: "Nothing undelivered." }));
        list.forEach(function (d) {
          var channel = d.channel ? d.channel.type + " " + (d.channel.target || "") : "";
          ul.appendChild(el("li", {}, el("strong", { text: channel }), " ", el("span", { text: d.error || "" })));
        });
      });
    }

    function failed(r) { $("rule-error").textContent = r.ok ? "" : ((r.json && r.json.error) || "failed (" + r.status + ")"); }

    /** One rule's history, or the newest of all rules' when none is chosen. */
    function showHistory(rule) {
      historyRule = rule;
      var chosen = rule ? [rule] : rules;
      $("history-of").textContent = rule ? "Alerts fired by “" + rule.name + "”, newest first." : "Newest alerts of every rule.";
      Promise.all(chosen.map(function (x) { return api("GET", "/api/v1/alerts/" + x.id + "/history?limit=20"); })).then(function (all) {
        var fired = [];
        all.forEach(function (h) { items(h.json).forEach(function (a) { fired.push(a); }); });
        fired.sort(function (a, b) { return Date.parse(b.firedAt) - Date.parse(a.firedAt); });
        var ul = clear($("alert-history"));
        if (!fired.length) ul.appendChild(el("li", { class: "note", text: rule ? "This rule has not fired yet." : "No alert has fired yet." }));
        fired.slice(0, 50).forEach(function (a) {
          ul.appendChild(el("li", {}, el("time", { datetime: a.firedAt, text: new Date(a.firedAt).toLocaleString() }), " ",
            el("strong", { text: (a.rule && a.rule.name) || "" }), " ", el("span", { class: "badge", text: a.type || "" }), " ",
            el("span", { text: a.reason || "" })));
        });
      });
    }
  }

  E.pages["/alerts"] = alertsPage;
})();
