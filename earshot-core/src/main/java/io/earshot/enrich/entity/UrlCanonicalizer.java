package io.earshot.enrich.entity;

import io.earshot.lucene.Links;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Canonical URLs for entities: known redirectors are unwrapped first (offline: only those that carry the
 * target in the link itself), then {@link Links#canonical} lower-cases the host and drops the scheme,
 * {@code www.}, fragments and tracking parameters. So {@code https://www.google.com/url?q=https://Example.com/a?utm_source=x}
 * and {@code http://example.com/a/} are both {@code example.com/a}.
 *
 * <p>Shorteners such as {@code t.co} or {@code bit.ly} hide their target behind a network request and are
 * kept as they are.
 */
public final class UrlCanonicalizer {

    /** Redirectors (host, or host and path, without {@code www.}) and the query parameter with the target. */
    private static final Map<String, String> REDIRECTORS = Map.ofEntries(
            Map.entry("google.com/url", "q"),
            Map.entry("l.facebook.com/l.php", "u"),
            Map.entry("lm.facebook.com/l.php", "u"),
            Map.entry("m.facebook.com/l.php", "u"),
            Map.entry("facebook.com/l.php", "u"),
            Map.entry("l.instagram.com", "u"),
            Map.entry("out.reddit.com", "url"),
            Map.entry("youtube.com/redirect", "q"),
            Map.entry("l.messenger.com/l.php", "u"),
            Map.entry("slack-redirect.com/link", "url"),
            Map.entry("href.li", ""),
            Map.entry("duckduckgo.com/l", "uddg"),
            Map.entry("steamcommunity.com/linkfilter", "url"),
            Map.entry("linkedin.com/redir/redirect", "url"),
            Map.entry("exit.sc", "url"),
            Map.entry("t.umblr.com/redirect", "z"));

    private static final int MAX_HOPS = 3;

    private UrlCanonicalizer() {}

    /** The canonical form, or empty when the text is not an http(s) URL. */
    public static Optional<String> canonical(String url) {
        if (hasOtherScheme(url.strip())) {
            return Optional.empty();
        }
        String current = url;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            Optional<String> target = unwrap(current);
            if (target.isEmpty()) {
                break;
            }
            current = target.get();
        }
        return Links.canonical(current);
    }

    /** The target of a known redirector link, when the link carries it. */
    static Optional<String> unwrap(String url) {
        Optional<String> canonical = Links.canonical(url);
        if (canonical.isEmpty()) {
            return Optional.empty();
        }
        String link = canonical.get();
        int question = link.indexOf('?');
        String path = question >= 0 ? link.substring(0, question) : link;
        String query = question >= 0 ? link.substring(question + 1) : "";
        if (path.equals("href.li") && !query.isEmpty()) {
            return httpTarget(query);
        }
        // A redirector is known by host and path (google.com/url) or by host alone (out.reddit.com/t3_…).
        int slash = path.indexOf('/');
        String parameter = REDIRECTORS.get(path.toLowerCase(Locale.ROOT));
        if (parameter == null && slash > 0) {
            parameter = REDIRECTORS.get(path.substring(0, slash));
        }
        if (parameter == null || parameter.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(parameter)) {
                return httpTarget(decode(pair.substring(equals + 1)));
            }
        }
        return Optional.empty();
    }

    // "mailto:x@y", "javascript:…", "tel:…" — a scheme followed by no "//" and not a port number.
    private static boolean hasOtherScheme(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':') {
                if (i == 0 || text.startsWith("//", i + 1)) {
                    return false;
                }
                return i + 1 >= text.length() || !Character.isDigit(text.charAt(i + 1));
            }
            boolean schemeChar = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
            if (!schemeChar) {
                return false;
            }
        }
        return false;
    }

    private static Optional<String> httpTarget(String target) {
        String lower = target.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? Optional.of(target) : Optional.empty();
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
