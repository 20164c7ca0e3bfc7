package io.earshot.server.account;

import io.earshot.server.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.Optional;

/**
 * {@code POST /login} (form: {@code name}, {@code password}, {@code next}, {@code _csrf}), {@code POST /logout}, and
 * on a fresh install {@code POST /setup} (form: {@code code}, {@code name}, {@code password}, {@code password2},
 * {@code _csrf}), which creates the first admin and logs them in. The login and setup forms are protected by a
 * double-submit cookie (there is no session yet to hold a CSRF token); the session cookie is {@code HttpOnly},
 * {@code SameSite=Lax}, and {@code Secure} behind TLS.
 */
public final class SessionRoutes implements Routes {

    static final String LOGIN_CSRF_COOKIE = "earshot_login";
    static final String SETUP_CSRF_COOKIE = "earshot_setup";

    private final Accounts accounts;

    public SessionRoutes(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/login", this::login);
        routes.post("/logout", this::logout);
        routes.post("/setup", this::setup);
    }

    /** Gives the login form its CSRF token (also set as a cookie the POST must match). */
    public String loginCsrf(Context ctx) {
        return formCsrf(ctx, LOGIN_CSRF_COOKIE, "/login");
    }

    /** Gives the setup form its CSRF token, as {@link #loginCsrf} does for the login form. */
    public String setupCsrf(Context ctx) {
        return formCsrf(ctx, SETUP_CSRF_COOKIE, "/setup");
    }

    private String formCsrf(Context ctx, String cookieName, String path) {
        String token = Optional.ofNullable(ctx.cookie(cookieName))
                .filter(value -> value.matches("[A-Za-z0-9_-]{43}"))
                .orElseGet(Secrets::random);
        setCookie(ctx, cookieName, token, path, 3600);
        return token;
    }

    private static boolean csrfMatches(Context ctx, String cookieName) {
        String cookie = Optional.ofNullable(ctx.cookie(cookieName)).orElse("");
        String field = Optional.ofNullable(ctx.formParam(Gate.CSRF_FIELD)).orElse("");
        return !cookie.isEmpty() && Secrets.same(cookie, field);
    }

    private void login(Context ctx) {
        String next = safeNext(Optional.ofNullable(ctx.formParam("next")).orElse("/"));
        if (!csrfMatches(ctx, LOGIN_CSRF_COOKIE)) {
            ctx.status(HttpStatus.FORBIDDEN);
            ctx.redirect(loginUrl("expired", next), HttpStatus.SEE_OTHER);
            return;
        }
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        switch (accounts.login(name, password, ctx.ip())) {
            case Accounts.Login.Success success -> loggedIn(ctx, success, next);
            case Accounts.Login.Refused refused -> ctx.redirect(loginUrl("wrong", next), HttpStatus.SEE_OTHER);
            case Accounts.Login.Throttled throttled -> throttled(ctx, throttled, "/login");
        }
    }

    private void setup(Context ctx) {
        if (!accounts.needsSetup()) {
            ctx.redirect("/login", HttpStatus.SEE_OTHER);
            return;
        }
        if (!csrfMatches(ctx, SETUP_CSRF_COOKIE)) {
            ctx.redirect("/setup?error=expired", HttpStatus.SEE_OTHER);
            return;
        }
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        if (!password.equals(Optional.ofNullable(ctx.formParam("password2")).orElse(""))) {
            ctx.redirect("/setup?error=mismatch", HttpStatus.SEE_OTHER);
            return;
        }
        if (password.codePointCount(0, password.length()) < Passwords.MIN_LENGTH) {
            ctx.redirect("/setup?error=short", HttpStatus.SEE_OTHER);
            return;
        }
        String code = Optional.ofNullable(ctx.formParam("code")).orElse("");
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        try {
            switch (accounts.setup(code, name, password, ctx.ip())) {
                case Accounts.Login.Success success -> loggedIn(ctx, success, "/");
                case Accounts.Login.Refused refused -> ctx.redirect("/setup?error=code", HttpStatus.SEE_OTHER);
                case Accounts.Login.Throttled throttled -> throttled(ctx, throttled, "/setup");
            }
        } catch (IllegalArgumentException e) {
            ctx.redirect("/setup?error=name", HttpStatus.SEE_OTHER);
        }
    }

    private void loggedIn(Context ctx, Accounts.Login.Success success, String next) {
        setCookie(ctx, Gate.SESSION_COOKIE, success.sessionSecret(), "/", (int)
                accounts.sessionMax().toSeconds());
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    private static void throttled(Context ctx, Accounts.Login.Throttled throttled, String back) {
        ctx.header(
                "Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
        ctx.status(HttpStatus.TOO_MANY_REQUESTS);
        ctx.html("<!doctype html><title>Too many attempts</title><p>Too many failed attempts. Try again in "
                + Math.max(1, throttled.retryAfter().toMinutes()) + " minutes. <a href=\"" + back + "\">Back</a>");
    }

    private void logout(Context ctx) {
        Optional.ofNullable(ctx.cookie(Gate.SESSION_COOKIE)).ifPresent(accounts::logout);
        setCookie(ctx, Gate.SESSION_COOKIE, "", "/", 0);
        ctx.redirect("/login?bye", HttpStatus.SEE_OTHER);
    }

    private void setCookie(Context ctx, String name, String value, String path, int maxAge) {
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAge + "; HttpOnly; SameSite=Lax"
                                + (Gate.secure(ctx, accounts.settings()) ? "; Secure" : ""));
    }

    private static String loginUrl(String error, String next) {
        return "/login?error=" + error + "&next="
                + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Only paths on this site: never an open redirect to another host. */
    static String safeNext(String next) {
        try {
            URI uri = URI.create(next);
            if (uri.getScheme() == null
                    && uri.getAuthority() == null
                    && next.startsWith("/")
                    && !next.startsWith("//")
                    && !next.contains("\\")) {
                return next;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        return "/";
    }
}
