/**
 * The web app: server-rendered pages (dashboard, live stream, search, topic editor, inbox, alerts, sources,
 * settings) with small scripts, {@code /static/app.js} and one per page that needs more ({@code dashboard.js}: charts
 * from the analytics API; {@code alerts.js}: the rule form; {@code inbox.js} and {@code case.js}, which {@link
 * io.earshot.server.web.InboxPages} links from the inbox pages with {@code inbox.css}), that fill them from the JSON
 * API and the live stream (SSE). A fresh install shows {@code /setup} (the setup code makes the first admin) before
 * anything else.
 *
 * <p>Safety: every piece of text from a post reaches the page as a DOM text node or an escaped attribute ({@link
 * io.earshot.server.web.Html#escape}); links are only ever {@code http(s)}; the Content-Security-Policy allows no
 * inline script. Pages need a session; state-changing calls from the script send the
 * session's CSRF token in {@code X-CSRF-Token}. docs/web.md describes each page.
 */
package io.earshot.server.web;
