package io.earshot.server.web;

import io.earshot.server.account.Principal;
import java.util.List;

/**
 * The frame of every page: skip link, navigation, who is logged in, the CSRF token for scripts ({@code meta
 * name="csrf-token"}). Pages add their {@code main} content. No inline script or style: the Content-Security-Policy
 * forbids both.
 */
final class Layout {

    static final String UPLOT = "/webjars/uplot/1.6.30/dist/";

    private record Link(String path, String label) {}

    private static final List<Link> NAV = List.of(
            new Link("/", "Dashboard"),
            new Link("/stream", "Live stream"),
            new Link("/search", "Search"),
            new Link("/topics", "Topics"),
            new Link("/inbox", "Inbox"),
            new Link("/alerts", "Alerts"),
            new Link("/sources", "Sources"),
            new Link("/settings", "Settings"));

    private Layout() {}

    static String page(String title, String active, Principal principal, String main) {
        StringBuilder html = new StringBuilder(4096 + main.length());
        head(html, title);
        html.append("<meta name=\"csrf-token\" content=\"")
                .append(Html.escape(principal.csrfToken().orElse("")))
                .append("\"></head><body data-page=\"")
                .append(Html.escape(active))
                .append("\" data-role=\"")
                .append(principal.role().id())
                .append("\"><a class=\"skip\" href=\"#main\">Skip to content</a>");
        html.append("<header class=\"top\"><a class=\"brand\" href=\"/\">Earshot</a><nav aria-label=\"Main\"><ul>");
        for (Link link : NAV) {
            html.append("<li><a href=\"")
                    .append(link.path())
                    .append("\"")
                    .append(link.path().equals(active) ? " aria-current=\"page\"" : "")
                    .append(">")
                    .append(link.label())
                    .append("</a></li>");
        }
        html.append("</ul></nav><div class=\"who\"><span>")
                .append(Html.escape(principal.name()))
                .append(" · ")
                .append(principal.role().id())
                .append("</span>");
        if (principal.kind() == Principal.Kind.SESSION) {
            html.append("<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"_csrf\" value=\"")
                    .append(Html.escape(principal.csrfToken().orElse("")))
                    .append("\"><button type=\"submit\">Log out</button></form>");
        }
        html.append("</div></header><main id=\"main\" tabindex=\"-1\"><h1>")
                .append(Html.escape(title))
                .append("</h1>")
                .append(main)
                .append("</main><script src=\"")
                .append(UPLOT)
                .append("uPlot.iife.min.js\"></script><script src=\"/static/app.js\"></script>")
                .append("<script src=\"/static/dashboard.js\"></script>")
                .append("<script src=\"/static/alerts.js\"></script></body></html>");
        return html.toString();
    }

    static void head(StringBuilder html, String title) {
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(Html.escape(title))
                .append(" · Earshot</title><link rel=\"stylesheet\" href=\"")
                .append(UPLOT)
                .append("uPlot.min.css\"><link rel=\"stylesheet\" href=\"/static/app.css\">");
    }
}
