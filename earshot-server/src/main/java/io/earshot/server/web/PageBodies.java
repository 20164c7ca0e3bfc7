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
              <p id="empty-topics" hidden><strong>No topics yet — <a href="/topics">create one</a></strong>: what to listen
                for, e.g. <code>acme OR #acme</code>.</p>
              <p id="empty-sources" hidden><strong>No sources running</strong> — <a href="/sources">add one</a>
                (Bluesky, Mastodon, feeds or a webhook) so mentions arrive.</p>
              <p id="empty-projects" class="note" hidden>Tip: group your brand's topics and your competitors' into a
                project (<code>POST /api/v1/projects</code>) to compare them here.</p>
            </div>
            <form class="toolbar" id="dash-form" aria-label="What to show">
              <label for="project">Project</label>
              <select id="project" name="project"><option value="">All topics</option></select>
              <label for="range">Time range</label>
              <select id="range" name="range">
                <option value="24h" selected>Last 24 hours</option>
                <option value="7d">Last 7 days</option>
                <option value="30d">Last 30 days</option>
                <option value="custom">Custom…</option>
              </select>
              <span id="custom-range" hidden>
                <label for="range-from">From</label><input id="range-from" type="date">
                <label for="range-to">to</label><input id="range-to" type="date">
              </span>
              <span id="dash-status" class="note" role="status"></span>
            </form>
            <section class="kpis" aria-label="Key figures">
              <div class="kpi"><span class="kpi-label">Mentions</span><span id="kpi-total" class="kpi-value">–</span>
                <span id="kpi-change" class="kpi-change"></span></div>
              <div class="kpi"><span class="kpi-label">Negative</span><span id="kpi-negative" class="kpi-value">–</span></div>
              <div class="kpi"><span class="kpi-label">Positive</span><span id="kpi-positive" class="kpi-value">–</span></div>
              <div class="kpi"><span class="kpi-label">Spikes</span><span id="kpi-spikes" class="kpi-value">–</span></div>
            </section>
            <div class="grid">
              <section class="card wide" aria-labelledby="h-volume"><h2 id="h-volume">Volume over time</h2>
                <div id="chart-volume" class="chart" role="img" aria-label="Mentions per period for each topic"></div></section>
              <section class="card" aria-labelledby="h-sov"><h2 id="h-sov">Share of voice</h2>
                <div class="toolbar" role="radiogroup" aria-label="Share of">
                  <label><input type="radio" name="sov-metric" value="mentions" checked> volume</label>
                  <label><input type="radio" name="sov-metric" value="positive"> positive volume</label>
                  <label><input type="radio" name="sov-metric" value="reach"> reach</label>
                </div>
                <ol id="share-of-voice" class="bars"></ol></section>
              <section class="card" aria-labelledby="h-sentiment"><h2 id="h-sentiment">Sentiment</h2>
                <div id="sentiment-split" class="split" aria-label="Sentiment split"></div>
                <div id="chart-sentiment" class="chart" role="img" aria-label="Sentiment over time"></div></section>
              <section class="card" aria-labelledby="h-spikes"><h2 id="h-spikes">Recent spikes</h2><ul id="recent-spikes"></ul></section>
              <section class="card" aria-labelledby="h-trending"><h2 id="h-trending">Trending terms</h2><ol id="trending"></ol></section>
              <section class="card" aria-labelledby="h-authors"><h2 id="h-authors">Top authors</h2><ol id="top-authors"></ol></section>
              <section class="card" aria-labelledby="h-tags"><h2 id="h-tags">Top hashtags</h2><ol id="top-hashtags"></ol></section>
              <section class="card" aria-labelledby="h-links"><h2 id="h-links">Top links</h2><ol id="top-links"></ol></section>
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
              <section class="card" aria-labelledby="h-rules"><h2 id="h-rules">Rules</h2><ul id="rule-list" class="rules"></ul>
                <button type="button" id="rule-new" class="secondary">New rule</button></section>
              <section class="card wide" aria-labelledby="h-rule-form"><h2 id="h-rule-form">New rule</h2>
                <form id="rule-form" class="rule-form" novalidate>
                  <input type="hidden" id="rule-id">
                  <fieldset><legend>What to watch</legend>
                    <label for="rule-name">Name</label><input id="rule-name" required placeholder="Outage chatter">
                    <label for="rule-topics">Topics (none: every topic)</label>
                    <select id="rule-topics" multiple size="4"></select>
                    <label for="rule-filter">Filter query (optional)</label>
                    <input id="rule-filter" spellcheck="false" placeholder='outage OR down OR "not working"'>
                  </fieldset>
                  <fieldset><legend>When to fire</legend>
                    <label for="rule-type">Condition</label>
                    <select id="rule-type">
                      <option value="every_match">Every matching mention</option>
                      <option value="digest">Digest (hourly, daily, weekly)</option>
                      <option value="volume_spike">Volume spike</option>
                      <option value="sentiment_shift">Sentiment shift</option>
                      <option value="influencer">Influencer mention</option>
                    </select>
                    <div class="cond" data-type="digest" hidden>
                      <label for="c-frequency">Frequency</label><select id="c-frequency">
                        <option value="hourly">hourly</option><option value="daily" selected>daily</option><option value="weekly">weekly</option></select>
                      <label for="c-at">At (local time)</label><input id="c-at" type="time" value="09:00">
                      <label for="c-day">Day (weekly)</label><select id="c-day"><option>monday</option><option>tuesday</option>
                        <option>wednesday</option><option>thursday</option><option>friday</option><option>saturday</option><option>sunday</option></select>
                      <label for="c-zone">Time zone</label><input id="c-zone" class="zone" placeholder="Europe/Paris">
                    </div>
                    <div class="cond" data-type="volume_spike sentiment_shift" hidden>
                      <label for="c-direction" class="only-shift">Direction</label><select id="c-direction" class="only-shift">
                        <option value="negative">more negative</option><option value="positive">more positive</option></select>
                      <label for="c-window">Window</label><input id="c-window" value="60m" placeholder="60m">
                      <label for="c-sensitivity">Sensitivity</label><select id="c-sensitivity">
                        <option value="low">low (fewer, surer alerts)</option><option value="medium" selected>medium</option><option value="high">high</option></select>
                      <label for="c-min-volume">Minimum mentions in the window</label><input id="c-min-volume" type="number" min="0" value="10">
                      <label for="c-min-shift" class="only-shift">Minimum shift (0.10 = 10 points)</label>
                      <input id="c-min-shift" class="only-shift" type="number" step="0.01" min="0" max="1" value="0.10">
                      <label for="c-cooldown">Cooldown</label><input id="c-cooldown" value="2h" placeholder="2h">
                    </div>
                    <div class="cond" data-type="influencer" hidden>
                      <label for="c-min-followers">Minimum followers</label><input id="c-min-followers" type="number" min="0" value="10000">
                      <label for="c-min-score">or minimum influence score (0–100, optional)</label><input id="c-min-score" type="number" min="0" max="100">
                    </div>
                  </fieldset>
                  <fieldset><legend>Where to send (none: history and live stream only)</legend>
                    <label for="ch-webhook">Webhook URL</label><input id="ch-webhook" type="url" placeholder="https://hooks.example.com/earshot">
                    <label for="ch-secret">Webhook secret (signs each request)</label><input id="ch-secret" autocomplete="off">
                    <label for="ch-slack">Slack incoming webhook URL</label><input id="ch-slack" type="url" placeholder="https://hooks.slack.com/services/…">
                    <label for="ch-email">Email to (comma-separated)</label><input id="ch-email" placeholder="pr@example.com">
                  </fieldset>
                  <fieldset><legend>Anti-fatigue</legend>
                    <label for="f-max">At most per hour (0: no limit)</label><input id="f-max" type="number" min="0" value="30">
                    <label for="f-quiet-from">Quiet hours from</label><input id="f-quiet-from" type="time">
                    <label for="f-quiet-to">to</label><input id="f-quiet-to" type="time">
                    <label for="f-quiet-zone">in time zone</label><input id="f-quiet-zone" class="zone" placeholder="Europe/Paris">
                  </fieldset>
                  <p id="rule-error" class="error" role="alert"></p>
                  <div class="form-actions"><button type="submit" id="rule-save">Create rule</button>
                    <button type="button" id="rule-cancel" class="secondary">Clear</button></div>
                  <p id="rule-readonly" class="note" hidden>Your role may read alert rules but not change them.</p>
                </form></section>
              <section class="card wide" aria-labelledby="h-history"><h2 id="h-history">History</h2>
                <p id="history-of" class="note"></p><ul id="alert-history"></ul></section>
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
