package io.earshot.source.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, before each connection, where a source streams from: SSE on the instance, or a WebSocket to the
 * streaming server the instance advertises. One per source, used by its run thread only.
 *
 * <p>The advertisement is {@code configuration.urls.streaming} in {@code GET /api/v2/instance} (Mastodon 4),
 * else {@code urls.streaming_api} in {@code /api/v1/instance}; it is read once and kept for the source's life.
 * Under {@link MastodonTransport#AUTO} anything that goes wrong on the way to a WebSocket (no advertisement, an
 * unreadable one, a host the token may not go to, a failed handshake) means SSE, which every instance serves;
 * a failed WebSocket is not tried again until the source restarts, so a broken streaming server costs one
 * attempt, not one per reconnect.
 */
final class TransportChooser {

    private static final Logger log = LoggerFactory.getLogger(MastodonStreamSource.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a connection goes, and why there: the reason is logged when the choice changes. */
    sealed interface Route {
        URI endpoint();

        String reason();

        record Sse(URI endpoint, String reason) implements Route {}

        record WebSocket(URI endpoint, String reason) implements Route {}
    }

    /** What the instance advertised: a streaming server, or why there is none to use. */
    private record Advertised(Optional<URI> server, String note) {}

    private final MastodonConfig config;
    private Optional<Advertised> advertised = Optional.empty();
    private Optional<String> webSocketFailed = Optional.empty();
    private Optional<Route> lastRoute = Optional.empty();

    TransportChooser(MastodonConfig config) {
        this.config = config;
    }

    /** Where the next connection goes; asks the instance the first time a WebSocket is possible. */
    Route choose(InstanceHttp http) throws Problem.Raised, InterruptedException {
        Route route = decide(http);
        if (lastRoute.isEmpty() || !lastRoute.get().endpoint().equals(route.endpoint())) {
            log.info(
                    "{}: streaming over {} from {} ({})",
                    config.sourceId(),
                    route instanceof Route.WebSocket ? "WebSocket" : "SSE",
                    route.endpoint(),
                    route.reason());
        }
        lastRoute = Optional.of(route);
        return route;
    }

    /** Under AUTO, a WebSocket that could not be opened sends this source to SSE from now on. */
    boolean fallBack(Route route, Problem problem) {
        if (config.transport() != MastodonTransport.AUTO
                || !(route instanceof Route.WebSocket)
                || problem instanceof Problem.Stopped) {
            return false;
        }
        webSocketFailed = Optional.of(problem.message());
        log.warn("{}: {}; falling back to SSE on {}", config.sourceId(), problem.message(), config.instance());
        return true;
    }

    private Route decide(InstanceHttp http) throws Problem.Raised, InterruptedException {
        URI sse = Endpoints.streaming(config.instance(), config.stream());
        return switch (config.transport()) {
            case SSE -> new Route.Sse(sse, "transport: sse");
            case WEBSOCKET -> {
                Advertised found = advertised(http);
                URI server = found.server().orElse(Endpoints.webSocketOrigin(config.instance()));
                if (config.token().isPresent() && !http.trustedSocket(server)) {
                    throw new Problem.Raised(new Problem.Refused(config.instance() + " advertises its streaming"
                            + " server at " + server + ", outside "
                            + config.instance().getHost() + " and its"
                            + " subdomains or unencrypted; Earshot does not send the access token there (use"
                            + " transport: sse or auto for source '" + config.sourceId() + "')"));
                }
                yield new Route.WebSocket(
                        Endpoints.webSocket(server, config.stream()), "transport: websocket; " + found.note());
            }
            case AUTO -> {
                if (webSocketFailed.isPresent()) {
                    yield new Route.Sse(sse, "transport: auto; the WebSocket failed: " + webSocketFailed.get());
                }
                Advertised found;
                try {
                    found = advertised(http);
                } catch (Problem.Raised raised) {
                    if (raised.problem() instanceof Problem.Stopped) {
                        throw raised;
                    }
                    // asked again before the next connection: this one may have been a passing failure
                    yield new Route.Sse(
                            sse,
                            "transport: auto; could not ask " + config.instance() + " for its streaming server: "
                                    + raised.problem().message());
                }
                if (found.server().isEmpty()) {
                    yield new Route.Sse(sse, "transport: auto; " + found.note());
                }
                URI server = found.server().get();
                if (config.token().isPresent() && !http.trustedSocket(server)) {
                    yield new Route.Sse(
                            sse,
                            "transport: auto; " + found.note() + ", but the access token only goes" + " to "
                                    + config.instance().getHost() + " and its subdomains, encrypted");
                }
                yield new Route.WebSocket(
                        Endpoints.webSocket(server, config.stream()), "transport: auto; " + found.note());
            }
        };
    }

    private Advertised advertised(InstanceHttp http) throws Problem.Raised, InterruptedException {
        if (advertised.isEmpty()) {
            advertised = Optional.of(ask(http));
        }
        return advertised.get();
    }

    /** Asks v2, then v1 where v2 is missing; a missing or odd answer means no advertised server. */
    private Advertised ask(InstanceHttp http) throws Problem.Raised, InterruptedException {
        for (URI info : Endpoints.instanceInfo(config.instance())) {
            Optional<InstanceHttp.Page> page = http.find(info);
            if (page.isEmpty()) {
                continue;
            }
            boolean v2 = info.getPath().startsWith("/api/v2/");
            JsonNode root;
            try {
                root = JSON.readTree(page.get().body());
            } catch (IOException e) {
                return new Advertised(Optional.empty(), info + " is not JSON");
            }
            JsonNode urls = v2 ? root.path("configuration").path("urls") : root.path("urls");
            Optional<String> url = Json.optionalText(urls, v2 ? "streaming" : "streaming_api");
            if (url.isEmpty()) {
                return new Advertised(Optional.empty(), config.instance() + " advertises no streaming server");
            }
            return streamingServer(url.get().strip())
                    .map(server -> new Advertised(
                            Optional.of(server), config.instance() + " advertises its streaming server " + server))
                    .orElseGet(() -> new Advertised(
                            Optional.empty(),
                            config.instance() + " advertises an unusable streaming server '" + Json.clip(url.get())
                                    + "'"));
        }
        return new Advertised(Optional.empty(), config.instance() + " has no /api/v2/instance or /api/v1/instance");
    }

    /** {@code wss://host[:port]} from what an instance wrote ({@code https://} is read as {@code wss://}). */
    private static Optional<URI> streamingServer(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String socketScheme = switch (scheme) {
                case "wss", "https" -> "wss";
                case "ws", "http" -> "ws";
                default -> "";
            };
            if (socketScheme.isEmpty() || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(URI.create(socketScheme + "://" + uri.getRawAuthority()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
