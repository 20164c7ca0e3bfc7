package io.earshot.server.web;

/**
 * The static part of each page's {@code main}. Everything dynamic is filled in by {@code app.js} with DOM text
 * nodes (never {@code innerHTML} with data), so post text cannot become markup.
 */
final class PageBodies {

    private PageBodies() {}

    static final String DASHBOARD = """
            <div id="getting-started" class="card" hidden>
              <h2>Get started</h2>
              <ol>
                <li><a href="/topics">Create a topic</a>: what to listen for, e.g. <code>acme OR #acme</code>.</li>
                <li>Check <a href="/sources">sources</a>: Bluesky runs by default; add Mastodon or feeds.</li>
                <li>Watch the <a href="/stream">live stream</a> while mentions arrive.</li>
              </ol>
            </div>
            <form class="toolbar" id="range-form" aria-label="Time range">
              <label for="range">Time range</label>
              <select id="range" name="range">
                <option value="24h">Last 24 hours</option>
                <option value="7d" selected>Last 7 days</option>
                <option value="30d">Last 30 days</option>
              </select>
              <span id="dash-source" class="note" role="status"></span>
            </form>
            <section class="kpis" aria-label="Key figures">
              <div class="kpi"><span class="kpi-label">Mentions</span><span id="kpi-total" class="kpi-value">–</span></div>
              <div class="kpi"><span class="kpi-label">Negative</span><span id="kpi-negative" class="kpi-value">–</span></div>
              <div class="kpi"><span class="kpi-label">Positive</span><span id="kpi-positive" class="kpi-value">–</span></div>
              <div class="kpi"><span class="kpi-label">Alerts fired</span><span id="kpi-alerts" class="kpi-value">–</span></div>
            </section>
            <div class="grid">
              <section class="card wide" aria-labelledby="h-volume"><h2 id="h-volume">Volume over time</h2>
                <div id="chart-volume" class="chart" role="img" aria-label="Mentions per period for each topic"></div></section>
              <section class="card" aria-labelledby="h-sentiment"><h2 id="h-sentiment">Sentiment</h2>
                <div id="sentiment-split" class="split" aria-label="Sentiment split"></div>
                <div id="chart-sentiment" class="chart" role="img" aria-label="Sentiment over time"></div></section>
              <section class="card" aria-labelledby="h-sov"><h2 id="h-sov">Share of voice</h2><ol id="share-of-voice" class="bars"></ol></section>
              <section class="card" aria-labelledby="h-authors"><h2 id="h-authors">Top authors</h2><ol id="top-authors"></ol></section>
              <section class="card" aria-labelledby="h-tags"><h2 id="h-tags">Top hashtags</h2><ol id="top-hashtags"></ol></section>
              <section class="card" aria-labelledby="h-links"><h2 id="h-links">Top links</h2><ol id="top-links"></ol></section>
              <section class="card" aria-labelledby="h-alerts"><h2 id="h-alerts">Recent spikes and alerts</h2><ul id="recent-alerts"></ul></section>
            </div>
            """;

    static final String STREAM = """
            <form class="toolbar" id="stream-filters" aria-label="Filters">
              <label for="f-topic">Topic</label><select id="f-topic" name="topic"><option value="">All topics</option></select>
              <label for="f-sentiment">Sentiment</label><select id="f-sentiment" name="sentiment">
                <option value="">Any</option><option value="negative">Negative</option>
                <option value="neutral">Neutral</option><option value="positive">Positive</option></select>
              <label for="f-network">Network</label><select id="f-network" name="network">
                <option value="">Any</option><option value="bluesky">Bluesky</option><option value="mastodon">Mastodon</option>
                <option value="feed">Feeds</option><option value="webhook">Webhook</option></select>
              <label for="f-lang">Language</label><input id="f-lang" name="lang" size="4" placeholder="en">
              <button type="button" id="pause" aria-pressed="false">Pause</button>
              <span id="stream-status" class="note" role="status">Connecting…</span>
            </form>
            <ol id="stream" class="mentions" aria-live="polite" aria-label="Mentions, newest first"></ol>
            """;

    static final String SEARCH = """
            <form class="toolbar" id="search-form" role="search">
              <label for="q">Query</label>
              <input id="q" name="q" class="grow" placeholder='acme AND (outage OR down) sentiment:negative'
                     aria-describedby="q-help q-error">
              <button type="submit">Search</button>
              <a id="csv" class="button" href="/search.csv" download>Export CSV</a>
            </form>
            <p id="q-help" class="note">The topic query language: words, "phrases", AND / OR / NOT, wildcards*,
              sentiment:, emotion:, lang:, network:. See docs/query-language.md.</p>
            <p id="q-error" class="error" role="alert"></p>
            <div class="with-facets">
              <aside id="facets" aria-label="Facets"></aside>
              <div><p id="search-count" role="status"></p><ol id="results" class="mentions"></ol></div>
            </div>
            """;

    static final String TOPICS = """
            <div class="grid">
              <section class="card wide" aria-labelledby="h-editor"><h2 id="h-editor">Topic editor</h2>
                <form id="topic-form" novalidate>
                  <input type="hidden" id="topic-id" name="id">
                  <label for="topic-name">Name</label><input id="topic-name" name="name" required>
                  <label for="topic-query">Query</label>
                  <textarea id="topic-query" name="query" rows="3" required spellcheck="false"
                            aria-describedby="topic-error topic-estimate"></textarea>
                  <pre id="topic-marked" class="marked" aria-hidden="true"></pre>
                  <p id="topic-error" class="error" role="alert"></p>
                  <p id="topic-estimate" class="note" role="status"></p>
                  <button type="submit" id="topic-save">Save topic</button>
                  <button type="button" id="topic-new" class="secondary">New</button>
                  <p id="topic-readonly" class="note" hidden>Your role may read topics but not change them.</p>
                </form>
                <h3>Preview: matching posts in the archive</h3>
                <ol id="topic-preview" class="mentions compact"></ol>
              </section>
              <section class="card" aria-labelledby="h-topics"><h2 id="h-topics">Topics</h2><ul id="topic-list"></ul></section>
            </div>
            """;

    static final String ALERTS = """
            <div class="grid">
              <section class="card" aria-labelledby="h-rules"><h2 id="h-rules">Rules</h2><ul id="rule-list"></ul>
                <form id="rule-form">
                  <label for="rule-json">New rule (JSON, as in POST /api/v1/alerts)</label>
                  <textarea id="rule-json" rows="8" spellcheck="false">{"name": "Outage", "topics": [1], "condition": {"type": "every_match"}}</textarea>
                  <p id="rule-error" class="error" role="alert"></p>
                  <button type="submit">Create rule</button>
                </form></section>
              <section class="card wide" aria-labelledby="h-history"><h2 id="h-history">History</h2><ul id="alert-history"></ul></section>
              <section class="card" aria-labelledby="h-dead"><h2 id="h-dead">Undelivered (dead letters)</h2><ul id="dead-letters"></ul></section>
            </div>
            """;

    static final String SOURCES = """
            <section class="card" aria-labelledby="h-sources"><h2 id="h-sources">Sources</h2>
              <div class="table"><table><thead><tr><th scope="col">Source</th><th scope="col">Network</th>
              <th scope="col">Status</th><th scope="col">Details</th></tr></thead><tbody id="source-rows"></tbody></table></div>
            </section>
            """;

    static final String SETTINGS = """
            <p id="settings-role" class="note"></p>
            <div class="grid">
              <section class="card" aria-labelledby="h-users"><h2 id="h-users">Users</h2>
                <div class="table"><table><thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col"><span class="sr">Actions</span></th></tr></thead>
                <tbody id="user-rows"></tbody></table></div>
                <form id="user-form">
                  <label for="user-name">Name</label><input id="user-name" required autocomplete="off">
                  <label for="user-role">Role</label><select id="user-role"><option>viewer</option><option>responder</option><option>analyst</option><option>admin</option></select>
                  <label for="user-password">Password (10+ characters)</label><input id="user-password" type="password" autocomplete="new-password" required>
                  <p id="user-error" class="error" role="alert"></p>
                  <button type="submit">Add user</button>
                </form></section>
              <section class="card" aria-labelledby="h-tokens"><h2 id="h-tokens">API tokens</h2>
                <div class="table"><table><thead><tr><th scope="col">Label</th><th scope="col">Role</th><th scope="col">Created</th><th scope="col"><span class="sr">Actions</span></th></tr></thead>
                <tbody id="token-rows"></tbody></table></div>
                <form id="token-form">
                  <label for="token-label">Label</label><input id="token-label" required placeholder="ci">
                  <label for="token-role">Role</label><select id="token-role"><option>viewer</option><option>responder</option><option>analyst</option><option>admin</option></select>
                  <button type="submit">Create token</button>
                </form>
                <p id="token-secret" class="secret" role="status" hidden></p></section>
              <section class="card" aria-labelledby="h-roles"><h2 id="h-roles">Roles</h2><dl>
                <dt>viewer</dt><dd>reads everything</dd>
                <dt>responder</dt><dd>also corrects sentiment and works the inbox (cases, contacts)</dd>
                <dt>analyst</dt><dd>also edits topics, projects, alerts, teams, routing rules, canned replies</dd>
                <dt>admin</dt><dd>also sources, users and API tokens</dd></dl></section>
            </div>
            """;
}
