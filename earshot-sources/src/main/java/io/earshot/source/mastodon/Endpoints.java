package io.earshot.source.mastodon;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The URLs of a stream and of the REST timeline that back-fills it, and the {@code Link} header's paging. */
final class Endpoints {

    /** The most statuses Mastodon returns per timeline page. */
    static final int PAGE_LIMIT = 40;

    private Endpoints() {}

    /** The streaming endpoint, e.g. {@code https://mastodon.social/api/v1/streaming/hashtag?tag=earshot}. */
    static URI streaming(URI instance, MastodonStream stream) {
        String path = switch (stream) {
            case MastodonStream.Public ignored -> "/api/v1/streaming/public";
            case MastodonStream.PublicLocal ignored -> "/api/v1/streaming/public/local";
            case MastodonStream.Hashtag hashtag -> "/api/v1/streaming/hashtag?tag=" + encode(hashtag.tag());
            case MastodonStream.User ignored -> "/api/v1/streaming/user";
        };
        return URI.create(instance + path);
    }

    /**
     * The WebSocket endpoint on a streaming server, e.g.
     * {@code wss://streaming.mastodon.social/api/v1/streaming?stream=hashtag&tag=earshot}: one socket, one stream,
     * named in the query rather than by a {@code subscribe} message, so a reconnect needs no extra step. The token
     * travels in the {@code Authorization} header, never in the query, where it would reach logs and the status.
     */
    static URI webSocket(URI streamingServer, MastodonStream stream) {
        String query = switch (stream) {
            case MastodonStream.Public ignored -> "stream=public";
            case MastodonStream.PublicLocal ignored -> "stream=public:local";
            case MastodonStream.Hashtag hashtag -> "stream=hashtag&tag=" + encode(hashtag.tag());
            case MastodonStream.User ignored -> "stream=user";
        };
        String base = streamingServer.getScheme() + "://" + streamingServer.getRawAuthority();
        return URI.create(base + "/api/v1/streaming?" + query);
    }

    /** The instance's own streaming server: {@code wss://} for an {@code https://} instance, {@code ws://} for http. */
    static URI webSocketOrigin(URI instance) {
        return URI.create(("https".equals(instance.getScheme()) ? "wss" : "ws") + "://" + instance.getRawAuthority());
    }

    /** Where an instance says where its streaming server is: {@code /api/v2/instance}, else (before 4.0) v1. */
    static List<URI> instanceInfo(URI instance) {
        return List.of(URI.create(instance + "/api/v2/instance"), URI.create(instance + "/api/v1/instance"));
    }

    /**
     * A page of the stream's REST timeline: the newest page without {@code minId}, else the (up to 40) statuses
     * right after {@code minId}, which is how Mastodon pages forward in time.
     */
    static URI timeline(URI instance, MastodonStream stream, Optional<String> minId) {
        String path = switch (stream) {
            case MastodonStream.Public ignored -> "/api/v1/timelines/public?";
            case MastodonStream.PublicLocal ignored -> "/api/v1/timelines/public?local=true&";
            case MastodonStream.Hashtag hashtag -> "/api/v1/timelines/tag/" + encode(hashtag.tag()) + "?";
            case MastodonStream.User ignored -> "/api/v1/timelines/home?";
        };
        String query =
                "limit=" + PAGE_LIMIT + minId.map(id -> "&min_id=" + encode(id)).orElse("");
        return URI.create(instance + path + query);
    }

    /**
     * The {@code rel="prev"} link of a {@code Link} header (the next page forward in time), when it stays on
     * {@code instance}: the token goes with it, so a link elsewhere is not followed.
     */
    static Optional<URI> previousPage(List<String> linkHeaders, URI instance) {
        for (String header : linkHeaders) {
            for (String entry : entries(header)) {
                int open = entry.indexOf('<');
                int close = entry.indexOf('>', open + 1);
                if (open < 0 || close < 0) {
                    continue;
                }
                if (!hasRel(entry.substring(close + 1), "prev")) {
                    continue;
                }
                try {
                    URI target = URI.create(entry.substring(open + 1, close).strip());
                    if (sameOrigin(target, instance)) {
                        return Optional.of(target);
                    }
                } catch (IllegalArgumentException e) {
                    // a malformed link: page on by min_id instead
                }
            }
        }
        return Optional.empty();
    }

    static boolean sameOrigin(URI target, URI instance) {
        return target.getScheme() != null
                && target.getScheme().equalsIgnoreCase(instance.getScheme())
                && target.getHost() != null
                && target.getHost().equalsIgnoreCase(instance.getHost())
                && effectivePort(target) == effectivePort(instance);
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters, so any tag or id fits a path or query. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Splits a {@code Link} header at the commas between entries (not those inside a {@code <URL>}). */
    private static List<String> entries(String header) {
        List<String> entries = new ArrayList<>();
        int start = 0;
        boolean inUrl = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '<') {
                inUrl = true;
            } else if (c == '>') {
                inUrl = false;
            } else if (c == ',' && !inUrl) {
                entries.add(header.substring(start, i));
                start = i + 1;
            }
        }
        entries.add(header.substring(start));
        return entries;
    }

    /** Whether the parameters after a link name {@code rel} (quoted or not, possibly among other rels). */
    private static boolean hasRel(String parameters, String rel) {
        for (String parameter : parameters.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("rel")) {
                String value = pair[1].strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                for (String each : value.split("\\s+")) {
                    if (each.equalsIgnoreCase(rel)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
