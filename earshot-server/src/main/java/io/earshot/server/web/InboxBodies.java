package io.earshot.server.web;

/**
 * The static part of the inbox pages. Everything from posts and people is filled in by {@code inbox.js} and {@code
 * case.js} as text nodes; the only value written here is the user's own name, escaped.
 */
final class InboxBodies {

    private InboxBodies() {}

    static String queue(String me) {
        return "<div id=\"inbox\" data-me=\"" + Html.escape(me) + "\">" + QUEUE + HELP + "</div>";
    }

    static String caseView(long id, String me) {
        return "<div id=\"case-view\" data-case=\"" + id + "\" data-me=\"" + Html.escape(me) + "\">" + CASE + HELP
                + "</div>";
    }

    private static final String QUEUE = """
            <form class="toolbar" id="queue-filters" aria-label="Filter the queue">
              <label for="f-team">Team</label><select id="f-team" name="team"><option value="">All teams</option></select>
              <label for="f-assignee">Assignee</label><select id="f-assignee" name="assignee">
                <option value="">Anyone</option><option value="me">Me</option><option value="none">Unassigned</option></select>
              <label for="f-status">Status</label><select id="f-status" name="status">
                <option value="new,open">New and open</option><option value="">Any</option><option value="new">New</option>
                <option value="open">Open</option><option value="pending">Pending</option><option value="resolved">Resolved</option></select>
              <label for="f-sla">SLA</label><select id="f-sla" name="sla">
                <option value="">Any</option><option value="breached">Breached</option><option value="at_risk">At risk</option></select>
              <button type="button" id="shortcuts" class="secondary" aria-keyshortcuts="?">Shortcuts (?)</button>
              <span id="queue-status" class="note" role="status" aria-live="polite"></span>
            </form>
            <p class="note" id="queue-hint">j/k or ↓/↑ move, Enter opens, a assigns to you, e resolves, n shows new cases.</p>
            <p id="queue-new" class="banner" role="status" hidden><span id="queue-new-text"></span>
              <button type="button" id="queue-new-show" aria-keyshortcuts="n">Show them (n)</button></p>
            <ol id="queue" class="cases" aria-label="Cases, newest first" aria-describedby="queue-hint"></ol>
            <button type="button" id="queue-more" class="secondary" hidden>Older cases</button>
            <section class="card canned" aria-labelledby="h-canned"><h2 id="h-canned">Canned replies</h2>
              <p class="note">Variables: {{author.name|there}}, {{author.handle}}, {{agent}}, {{team}}, {{case.id}}.</p>
              <ul id="canned-list"></ul>
              <form id="canned-form" hidden>
                <label for="canned-name">Name</label><input id="canned-name" required maxlength="200">
                <label for="canned-text">Text</label><textarea id="canned-text" rows="3" required></textarea>
                <p id="canned-error" class="error" role="alert"></p>
                <button type="submit">Add canned reply</button>
              </form>
            </section>
            """;

    private static final String CASE = """
            <p><a href="/inbox">← Back to the inbox</a> <span id="case-collision" class="collision" role="status"
              aria-live="polite"></span></p>
            <p id="case-error" class="error" role="alert"></p>
            <div class="case-grid">
              <div class="case-main">
                <section class="card" aria-labelledby="h-thread"><h2 id="h-thread">Conversation</h2>
                  <ol id="thread" class="thread"></ol></section>
                <section class="card" aria-labelledby="h-reply" id="composer"><h2 id="h-reply">Reply</h2>
                  <form id="reply-form">
                    <label for="reply-account">From</label><select id="reply-account" required></select>
                    <label for="reply-canned">Canned reply</label><select id="reply-canned">
                      <option value="">None: write your own</option></select>
                    <label for="reply-text">Text</label>
                    <textarea id="reply-text" rows="4" required aria-describedby="reply-count"></textarea>
                    <p id="reply-count" class="note" aria-live="polite"></p>
                    <label for="reply-then">Then mark the case</label><select id="reply-then">
                      <option value="pending">Pending (waiting for them)</option><option value="open">Open</option>
                      <option value="resolved">Resolved</option></select>
                    <p id="reply-error" class="error" role="alert"></p>
                    <button type="submit" id="reply-send">Send reply</button>
                  </form>
                  <p id="reply-readonly" class="note" hidden>Your role may read cases but not reply.</p>
                  <h3>Replies</h3><ul id="replies" class="replies"></ul></section>
                <section class="card" aria-labelledby="h-notes"><h2 id="h-notes">Internal notes</h2>
                  <p class="note">Only your team sees these; the author never does.</p>
                  <ul id="notes"></ul>
                  <form id="note-form"><label for="note-text">New note</label>
                    <textarea id="note-text" rows="2" required></textarea><button type="submit">Add note</button></form>
                </section>
                <section class="card" aria-labelledby="h-history"><h2 id="h-history">History</h2>
                  <ol id="history" class="history"></ol></section>
              </div>
              <aside class="case-side">
                <section class="card" aria-labelledby="h-case"><h2 id="h-case">Case</h2>
                  <form id="case-form" class="controls">
                    <label for="c-status">Status</label><select id="c-status">
                      <option value="new">New</option><option value="open">Open</option>
                      <option value="pending">Pending</option><option value="resolved">Resolved</option></select>
                    <label for="c-priority">Priority</label><select id="c-priority">
                      <option value="low">Low</option><option value="normal">Normal</option>
                      <option value="high">High</option><option value="urgent">Urgent</option></select>
                    <label for="c-team">Team</label><select id="c-team"><option value="">No team</option></select>
                    <label for="c-assignee">Assignee</label><input id="c-assignee" list="c-members" autocomplete="off">
                    <datalist id="c-members"></datalist>
                    <button type="button" id="c-assign-me" class="secondary" aria-keyshortcuts="a">Assign to me</button>
                    <button type="button" id="c-resolve" aria-keyshortcuts="e">Resolve</button>
                    <p class="label">Tags</p><ul id="c-tags" class="tags"></ul>
                    <label for="c-tag">Add a tag</label><input id="c-tag" autocomplete="off">
                  </form></section>
                <section class="card" aria-labelledby="h-sla"><h2 id="h-sla">SLA</h2><dl id="sla" class="sla"></dl></section>
                <section class="card" aria-labelledby="h-contact"><h2 id="h-contact">Contact</h2>
                  <div id="contact"></div></section>
              </aside>
            </div>
            """;

    private static final String HELP = """
            <dialog id="help" aria-labelledby="h-help"><h2 id="h-help">Keyboard shortcuts</h2>
              <dl class="keys">
                <dt><kbd>j</kbd> / <kbd>↓</kbd></dt><dd>next case</dd>
                <dt><kbd>k</kbd> / <kbd>↑</kbd></dt><dd>previous case</dd>
                <dt><kbd>Enter</kbd> / <kbd>o</kbd></dt><dd>open the case</dd>
                <dt><kbd>a</kbd></dt><dd>assign to me</dd>
                <dt><kbd>e</kbd></dt><dd>resolve</dd>
                <dt><kbd>n</kbd></dt><dd>show the new cases announced above the queue</dd>
                <dt><kbd>r</kbd></dt><dd>reply (on a case)</dd>
                <dt><kbd>u</kbd></dt><dd>back to the inbox (on a case)</dd>
                <dt><kbd>?</kbd></dt><dd>this help</dd>
              </dl>
              <form method="dialog"><button type="submit">Close</button></form>
            </dialog>
            """;
}
