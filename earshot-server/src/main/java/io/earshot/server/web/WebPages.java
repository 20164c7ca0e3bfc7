package io.earshot.server.web;

import io.earshot.server.account.Accounts;
import io.earshot.server.account.Gate;
import io.earshot.server.account.Principal;
import io.earshot.server.account.SessionRoutes;
import io.earshot.server.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
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
        routes.get("/setup", this::setup);
        routes.get("/", ctx -> page(ctx, "Dashboard", "/", PageBodies.DASHBOARD));
        routes.get("/stream", ctx -> page(ctx, "Live stream", "/stream", PageBodies.STREAM));
        routes.get("/search", ctx -> page(ctx, "Search", "/search", PageBodies.SEARCH));
        routes.get("/topics", ctx -> page(ctx, "Topics", "/topics", PageBodies.TOPICS));
        routes.get("/alerts", ctx -> page(ctx, "Alerts", "/alerts", PageBodies.ALERTS));
        routes.get("/sources", ctx -> page(ctx, "Sources", "/sources", PageBodies.SOURCES));
        routes.get("/settings", ctx -> page(ctx, "Settings", "/settings", PageBodies.SETTINGS));
        new InboxPages().register(routes);
    }

    private void page(Context ctx, String title, String path, String body) {
        Principal principal = Gate.principal(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.html(Layout.page(title, path, principal, body));
    }

    private void login(Context ctx) {
        if (accounts.needsSetup()) {
            ctx.redirect("/setup", HttpStatus.FOUND);
            return;
        }
        String next = Optional.ofNullable(ctx.queryParam("next")).orElse("/");
        String error = switch (Optional.ofNullable(ctx.queryParam("error")).orElse("")) {
            case "wrong" -> "That name and password do not match.";
            case "expired" -> "The form expired. Please try again.";
            case "ended" -> "Your session has ended (unused for a while, or too old). Please log in again.";
            default -> "";
        };
        StringBuilder html = new StringBuilder(2048);
        Layout.head(html, "Log in");
        html.append("</head><body class=\"login\"><main id=\"main\"><h1>Earshot</h1>");
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

    /**
     * The first run: the setup code (printed on the console, and in {@code setup-code.txt} in the data folder), a
     * name and a password twice. Once someone can log in it is gone, and this sends them to the login page.
     */
    private void setup(Context ctx) {
        if (!accounts.needsSetup()) {
            ctx.redirect("/login", HttpStatus.FOUND);
            return;
        }
        String error = switch (Optional.ofNullable(ctx.queryParam("error")).orElse("")) {
            case "code" -> "That is not the setup code. Copy it from the console or the file named below.";
            case "mismatch" -> "The two passwords differ.";
            case "short" -> "The password needs at least 10 characters (a few words make a good one).";
            case "name" -> "A name is 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit.";
            case "expired" -> "The form expired. Please try again.";
            default -> "";
        };
        String file = accounts.setupCodeFile()
                .map(Object::toString)
                .orElse("setup-code.txt in the data folder (restart Earshot to get a code)");
        StringBuilder html = new StringBuilder(3072);
        Layout.head(html, "Set up");
        html.append("</head><body class=\"login\"><main id=\"main\"><h1>Set up Earshot</h1>")
                .append("<p>Nobody can log in yet. Create the first admin with the <strong>setup code</strong>:")
                .append(" Earshot printed it when it started, and wrote it to <code>")
                .append(Html.escape(file))
                .append("</code>. It works once.</p>");
        if (!error.isEmpty()) {
            html.append("<p class=\"error\" role=\"alert\" id=\"setup-error\">")
                    .append(Html.escape(error))
                    .append("</p>");
        }
        html.append("<form method=\"post\" action=\"/setup\" class=\"card\">")
                .append("<input type=\"hidden\" name=\"_csrf\" value=\"")
                .append(Html.escape(sessions.setupCsrf(ctx)))
                .append("\"><label for=\"code\">Setup code</label>")
                .append("<input id=\"code\" name=\"code\" autocomplete=\"one-time-code\" required autofocus"
                        + " placeholder=\"XXXX-XXXX\" spellcheck=\"false\">")
                .append("<label for=\"name\">Admin user name</label>")
                .append("<input id=\"name\" name=\"name\" autocomplete=\"username\" required>")
                .append("<label for=\"password\">Password (10+ characters)</label>")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\""
                        + " required minlength=\"10\">")
                .append("<label for=\"password2\">Password again</label>")
                .append("<input id=\"password2\" name=\"password2\" type=\"password\" autocomplete=\"new-password\""
                        + " required minlength=\"10\">")
                .append("<button type=\"submit\">Create admin and log in</button></form>")
                .append("<p class=\"note\">Or, on the server: <code>./earshot user add NAME --role admin</code>.</p>")
                .append("</main></body></html>");
        ctx.header("Cache-Control", "no-store");
        ctx.html(html.toString());
    }
}
