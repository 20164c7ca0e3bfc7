package io.earshot.server.web;

import io.earshot.server.account.Accounts;
import io.earshot.server.account.Gate;
import io.earshot.server.account.Principal;
import io.earshot.server.account.SessionRoutes;
import io.earshot.server.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The pages: server-rendered frames ({@link Layout}) whose data {@code /static/app.js} loads from the JSON API with
 * the user's session, so the pages show exactly what the API allows. See docs/web.md.
 */
public final class WebPages implements Routes {

    private final Accounts accounts;
    private final SessionRoutes sessions;

    public WebPages(Accounts accounts, SessionRoutes sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/login", this::login);
        routes.get("/", ctx -> page(ctx, "Dashboard", "/", PageBodies.DASHBOARD));
        routes.get("/stream", ctx -> page(ctx, "Live stream", "/stream", PageBodies.STREAM));
        routes.get("/search", ctx -> page(ctx, "Search", "/search", PageBodies.SEARCH));
        routes.get("/topics", ctx -> page(ctx, "Topics", "/topics", PageBodies.TOPICS));
        routes.get("/alerts", ctx -> page(ctx, "Alerts", "/alerts", PageBodies.ALERTS));
        routes.get("/sources", ctx -> page(ctx, "Sources", "/sources", PageBodies.SOURCES));
        routes.get("/settings", ctx -> page(ctx, "Settings", "/settings", PageBodies.SETTINGS));
        new InboxPages(accounts).register(routes);
    }

    private void page(Context ctx, String title, String path, String body) {
        Principal principal = Gate.principal(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.html(Layout.page(title, path, principal, accounts.enforced(), body));
    }

    private void login(Context ctx) {
        String next = Optional.ofNullable(ctx.queryParam("next")).orElse("/");
        String error = switch (Optional.ofNullable(ctx.queryParam("error")).orElse("")) {
            case "wrong" -> "That name and password do not match.";
            case "expired" -> "The form expired. Please try again.";
            default -> "";
        };
        StringBuilder html = new StringBuilder(2048);
        Layout.head(html, "Log in");
        html.append("</head><body class=\"login\"><main id=\"main\"><h1>Earshot</h1>");
        if (!accounts.enforced()) {
            html.append("<div class=\"banner danger\" role=\"alert\">No users yet. Create the first one with"
                    + " <code>./earshot user add NAME --role admin</code> or start with"
                    + " <code>EARSHOT_ADMIN_PASSWORD</code> set (creates <code>admin</code>). Until then this install"
                    + " is open: <a href=\"/\">go to the dashboard</a>.</div>");
        }
        if (ctx.queryParam("bye") != null) {
            html.append("<p class=\"note\" role=\"status\">You are logged out.</p>");
        }
        if (!error.isEmpty()) {
            html.append("<p class=\"error\" role=\"alert\" id=\"login-error\">")
                    .append(error)
                    .append("</p>");
        }
        html.append("<form method=\"post\" action=\"/login\" class=\"card\">")
                .append("<input type=\"hidden\" name=\"_csrf\" value=\"")
                .append(Html.escape(sessions.loginCsrf(ctx)))
                .append("\"><input type=\"hidden\" name=\"next\" value=\"")
                .append(Html.escape(next))
                .append("\"><label for=\"name\">User name</label>")
                .append("<input id=\"name\" name=\"name\" autocomplete=\"username\" required autofocus>")
                .append("<label for=\"password\">Password</label>")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\""
                        + " required><button type=\"submit\">Log in</button></form></main></body></html>");
        ctx.header("Cache-Control", "no-store");
        ctx.html(html.toString());
    }
}
