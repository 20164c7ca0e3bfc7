package io.earshot.server.account;

import io.earshot.account.Role;
import io.earshot.server.http.ForbiddenException;
import io.earshot.server.http.Tokens;
import io.earshot.server.http.UnauthorizedException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every request: security headers, who is calling (session cookie or bearer token), whether their
 * role may do this ({@link AccessPolicy}), and CSRF for browser sessions. No session → {@code 401} for the API,
 * the login page for the browser; wrong role → {@code 403}.
 */
public final class Gate {

    static final String SESSION_COOKIE = "earshot_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CSRF_FIELD = "_csrf";
    private static final String PRINCIPAL = "earshot.principal";

    /**
     * Only this origin's scripts, styles, images and connections; no inline script or style attribute, no
     * plugins, no framing. Post text is escaped everywhere besides; this is the second wall.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    private final Accounts accounts;
    private final Set<String> sourcesWithIngestTokens;

    /**
     * @param sourcesWithIngestTokens webhook sources that have their own ingest token: {@code IngestRoutes} checks
     *     those (and {@code EARSHOT_API_TOKEN}) itself; other ingest requests need an admin once accounts exist
     */
    public Gate(Accounts accounts, Set<String> sourcesWithIngestTokens) {
        this.accounts = accounts;
        this.sourcesWithIngestTokens = Set.copyOf(sourcesWithIngestTokens);
    }

    /** The before-handler for every path. */
    public void check(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        String path = ctx.path();
        Optional<Role> needed = path.equals("/api/v1/ingest")
                ? ingestNeeds(ctx)
                : AccessPolicy.required(ctx.method().name(), path);
        if (needed.isEmpty()) {
            return;
        }
        Principal principal = identify(ctx);
        ctx.attribute(PRINCIPAL, principal);
        if (!principal.role().allows(needed.get())) {
            throw new ForbiddenException("your role (" + principal.role().id() + ") may not do this; it needs "
                    + needed.get().id() + " or above (ask an admin)");
        }
        if (principal.kind() == Principal.Kind.SESSION && !safe(ctx.method().name())) {
            requireSameOrigin(ctx);
            requireCsrf(ctx, principal.csrfToken().orElse(""));
        }
    }

    /**
     * Ingest keeps its own tokens: a source with its own token, or {@code EARSHOT_API_TOKEN}, is checked by {@code
     * IngestRoutes}. Without either it needs an admin (an API token of role admin), so nobody can inject posts.
     */
    private Optional<Role> ingestNeeds(Context ctx) {
        String source = Optional.ofNullable(ctx.queryParam("source")).orElse("");
        if (sourcesWithIngestTokens.contains(source)
                || accounts.settings().apiToken().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(Role.ADMIN);
    }

    /** The caller, as decided by {@link #check}; empty on a public path (or where no gate runs). */
    public static Optional<Principal> caller(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    /** The caller, as decided by {@link #check}: always present on a non-public path. */
    public static Principal principal(Context ctx) {
        return caller(ctx)
                .orElseThrow(
                        () -> new IllegalStateException(ctx.path() + " is public: there is no caller to ask about"));
    }

    private Principal identify(Context ctx) {
        String bearer = Tokens.bearer(ctx);
        if (!bearer.isEmpty()) {
            return accounts.token(bearer)
                    .orElseThrow(() -> new UnauthorizedException("the API token is not valid (revoked, or mistyped)"));
        }
        Optional<String> cookie =
                Optional.ofNullable(ctx.cookie(SESSION_COOKIE)).filter(value -> !value.isEmpty());
        Optional<Principal> session = cookie.flatMap(accounts::session);
        if (session.isPresent()) {
            return session.get();
        }
        if (accounts.needsSetup()) {
            if (wantsPage(ctx)) {
                redirect(ctx, "/setup");
            }
            throw new UnauthorizedException("this install has no admin yet: open /setup in a browser and enter the"
                    + " setup code printed at start (also in " + setupFile() + "), or create one with 'earshot user"
                    + " add NAME --role admin', or start with EARSHOT_API_TOKEN set");
        }
        if (wantsPage(ctx)) {
            // a cookie that no longer opens a session has ended (idle, too old, logged out elsewhere): say so
            redirect(
                    ctx,
                    "/login?next=" + URLEncoder.encode(nextTarget(ctx), StandardCharsets.UTF_8)
                            + (cookie.isPresent() ? "&error=ended" : ""));
        }
        throw new UnauthorizedException(
                cookie.isPresent()
                        ? "your session has ended (unused for too long, or logged out): log in again"
                        : "log in first: send 'Authorization: Bearer <token>' (an API token, see docs/api.md) or a session"
                                + " cookie");
    }

    private String setupFile() {
        return accounts.setupCodeFile().map(Path::toString).orElse("setup-code.txt in the data folder");
    }

    private static void redirect(Context ctx, String location) {
        ctx.redirect(location, HttpStatus.FOUND);
        ctx.skipRemainingHandlers();
        throw new LoginRedirect();
    }

    /** Thrown after the redirect is set, so nothing else runs; mapped to "leave the response as it is". */
    public static final class LoginRedirect extends RuntimeException {
        LoginRedirect() {
            super("redirected to the login page", null, false, false);
        }
    }

    private static boolean wantsPage(Context ctx) {
        return ctx.method().name().equals("GET")
                && !ctx.path().startsWith("/api/")
                && !ctx.path().equals("/metrics");
    }

    private static String nextTarget(Context ctx) {
        String query = ctx.queryString();
        return query == null ? ctx.path() : ctx.path() + "?" + query;
    }

    private static boolean safe(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    private static void requireCsrf(Context ctx, String expected) {
        String presented = Optional.ofNullable(ctx.header(CSRF_HEADER)).orElse("");
        if (presented.isEmpty() && isForm(ctx)) {
            presented = Optional.ofNullable(ctx.formParam(CSRF_FIELD)).orElse("");
        }
        if (!Secrets.same(expected, presented)) {
            throw new ForbiddenException("missing or wrong CSRF token: reload the page and try again");
        }
    }

    /**
     * A browser names the page a request comes from in {@code Origin}; another site's page must not change
     * anything here. Tools such as curl send no {@code Origin} and pass.
     */
    private static void requireSameOrigin(Context ctx) {
        String origin = Optional.ofNullable(ctx.header("Origin")).orElse("");
        if (origin.isEmpty()) {
            return;
        }
        String host = Optional.ofNullable(ctx.header("Host")).orElse("");
        String originHost = origin.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        String forwardedHost =
                Optional.ofNullable(ctx.header("X-Forwarded-Host")).orElse("");
        if (origin.equals("null")
                || !(originHost.equalsIgnoreCase(host) || originHost.equalsIgnoreCase(forwardedHost))) {
            throw new ForbiddenException("cross-site request refused: " + origin + " is not this site");
        }
    }

    private static boolean isForm(Context ctx) {
        String type = Optional.ofNullable(ctx.contentType()).orElse("");
        return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
    }

    /** Whether cookies should carry {@code Secure}: TLS seen directly, through a proxy, or forced by config. */
    static boolean secure(Context ctx, AccountSettings settings) {
        return settings.secureCookies()
                || "https".equalsIgnoreCase(ctx.scheme())
                || "https"
                        .equalsIgnoreCase(Optional.ofNullable(ctx.header("X-Forwarded-Proto"))
                                .orElse("")
                                .strip());
    }
}
