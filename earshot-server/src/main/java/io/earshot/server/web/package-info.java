/**
 * The web app: server-rendered pages (dashboard, live stream, search, topic editor, alerts, sources, settings)
 * with small scripts, {@code /static/app.js}, {@code /static/dashboard.js} (charts from the analytics API) and {@code
 * /static/alerts.js} (the rule form), that fill them from the JSON API and the live stream (SSE). A fresh install
 * shows {@code /setup} (the setup code makes the first admin) before anything else.
 *
 * <p>Safety: every piece of text from a post reaches the page as a DOM text node or an escaped attribute ({@link
 * io.earshot.server.web.Html#escape}); links are only ever {@code http(s)}; the Content-Security-Policy allows no
 * inline script. Pages need a session; state-changing calls from the script send the
 * session's CSRF token in {@code X-CSRF-Token}. docs/web.md describes each page.
 */
package io.earshot.server.web;
