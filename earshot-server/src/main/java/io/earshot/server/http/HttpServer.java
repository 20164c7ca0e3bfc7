package io.earshot.server.http;

import io.earshot.archive.InvalidCursorException;
import io.earshot.query.QuerySyntaxException;
import io.earshot.server.account.Gate;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: the features' {@link Routes}, JSON errors that say what to do, and the API token hook
 * (when {@code apiToken} is set, {@code /api/*} requires {@code Authorization: Bearer <token>}).
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private final Javalin javalin;

    public HttpServer(List<Routes> features, Optional<String> apiToken) {
        // ingest checks its own tokens (per source, or this one): see IngestRoutes
        this(
                features,
                "/api/*",
                ctx -> apiToken.filter(token -> !ctx.path().equals("/api/v1/ingest"))
                        .ifPresent(token -> requireToken(ctx, token)));
    }

    /**
     * With a guard run before every request (the accounts' {@code Gate}: sessions, tokens, roles, CSRF, security
     * headers), the web UI's static files ({@code /static/}) and WebJars ({@code /webjars/}).
     */
    public HttpServer(List<Routes> features, Handler guard) {
        this(features, "*", guard);
    }

    private HttpServer(List<Routes> features, String guardedPaths, Handler guard) {
        this.javalin = Javalin.create(config -> {
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/earshot-web";
                files.location = Location.CLASSPATH;
            });
            config.startup.showJavalinBanner = false;
            // live streams hold their request open: virtual threads make that cheap
            config.concurrency.useVirtualThreads = true;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = 16L << 20;
            config.routes.before(guardedPaths, guard);
            config.routes.exception(
                    QuerySyntaxException.class, (e, ctx) -> error(ctx, 400, e.getMessage(), Optional.of(e.column())));
            config.routes.exception(
                    BadRequestException.class,
                    (e, ctx) -> error(
                            ctx,
                            400,
                            e.getMessage(),
                            e.position().isPresent() ? Optional.of(e.position().getAsInt()) : Optional.empty()));
            config.routes.exception(
                    InvalidCursorException.class, (e, ctx) -> error(ctx, 400, e.getMessage(), Optional.empty()));
            config.routes.exception(
                    IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage(), Optional.empty()));
            config.routes.exception(
                    NotFoundException.class, (e, ctx) -> error(ctx, 404, e.getMessage(), Optional.empty()));
            config.routes.exception(
                    PayloadTooLargeException.class, (e, ctx) -> error(ctx, 413, e.getMessage(), Optional.empty()));
            config.routes.exception(
                    ConflictException.class, (e, ctx) -> error(ctx, 409, e.getMessage(), Optional.empty()));
            config.routes.exception(
                    ForbiddenException.class, (e, ctx) -> error(ctx, 403, e.getMessage(), Optional.empty()));
            // the guard already answered with a redirect to the login page
            config.routes.exception(Gate.LoginRedirect.class, (e, ctx) -> {});
            config.routes.exception(UnauthorizedException.class, (e, ctx) -> {
                ctx.header("WWW-Authenticate", "Bearer realm=\"earshot\"");
                error(ctx, 401, e.getMessage(), Optional.empty());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("{} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal error: " + e.getMessage() + " (details in the server log)", Optional.empty());
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(
                            ctx,
                            404,
                            "no such endpoint: " + ctx.method() + " " + ctx.path() + " (see docs/api.md)",
                            Optional.empty());
                }
            });
            for (Routes feature : features) {
                feature.register(config.routes);
            }
        });
    }

    /** Starts listening; port 0 picks a free port (see {@link #port()}). */
    public HttpServer start(String host, int port) {
        javalin.start(host, port);
        return this;
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }

    private static void requireToken(Context ctx, String token) {
        String presented = Tokens.bearer(ctx);
        if (!Tokens.same(token, presented)) {
            throw new UnauthorizedException(
                    presented.isEmpty()
                            ? "this API needs a token: send 'Authorization: Bearer <token>' (the value of EARSHOT_API_TOKEN)"
                            : "the API token is not valid");
        }
    }

    private static void error(Context ctx, int status, String message, Optional<Integer> position) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        position.ifPresent(p -> body.put("position", p));
        Requests.json(ctx, status, body);
    }
}
