package io.earshot.server.account;

import io.earshot.server.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.Optional;

/**
 * {@code POST /login} (form: {@code name}, {@code password}, {@code next}, {@code _csrf}) and {@code POST /logout}.
 * The login form is protected by a double-submit cookie (there is no session yet to hold a CSRF token); the
 * session cookie is {@code HttpOnly}, {@code SameSite=Lax}, and {@code Secure} behind TLS.
 */
public final class SessionRoutes implements Routes {

    static final String LOGIN_CSRF_COOKIE = "earshot_login";

    private final Accounts accounts;

    public SessionRoutes(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/login", this::login);
        routes.post("/logout", this::logout);
    }

    /** Gives the login form its CSRF token (also set as a cookie the POST must match). */
    public String loginCsrf(Context ctx) {
        String token = Optional.ofNullable(ctx.cookie(LOGIN_CSRF_COOKIE))
                .filter(value -> value.matches("[A-Za-z0-9_-]{43}"))
                .orElseGet(Secrets::random);
        setCookie(ctx, LOGIN_CSRF_COOKIE, token, "/login", 3600);
        return token;
    }

    private void login(Context ctx) {
        String next = safeNext(Optional.ofNullable(ctx.formParam("next")).orElse("/"));
        String cookie = Optional.ofNullable(ctx.cookie(LOGIN_CSRF_COOKIE)).orElse("");
        String field = Optional.ofNullable(ctx.formParam(Gate.CSRF_FIELD)).orElse("");
        if (cookie.isEmpty() || !Secrets.same(cookie, field)) {
            ctx.status(HttpStatus.FORBIDDEN);
            ctx.redirect(loginUrl("expired", next), HttpStatus.SEE_OTHER);
            return;
        }
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        switch (accounts.login(name, password, ctx.ip())) {
            case Accounts.Login.Success success -> {
                setCookie(ctx, Gate.SESSION_COOKIE, success.sessionSecret(), "/", (int)
                        Accounts.SESSION_LENGTH.toSeconds());
                ctx.redirect(next, HttpStatus.SEE_OTHER);
            }
            case Accounts.Login.Refused refused -> ctx.redirect(loginUrl("wrong", next), HttpStatus.SEE_OTHER);
            case Accounts.Login.Throttled throttled -> {
                ctx.header(
                        "Retry-After",
                        Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
                ctx.status(HttpStatus.TOO_MANY_REQUESTS);
                ctx.html("<!doctype html><title>Too many attempts</title><p>Too many failed logins. Try again in "
                        + Math.max(1, throttled.retryAfter().toMinutes()) + " minutes. <a href=\"/login\">Back</a>");
            }
        }
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
