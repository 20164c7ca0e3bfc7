package io.earshot.lucene;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Canonical URLs, so that {@code links:example.com/page} finds everyone who shared the page however they
 * linked it: scheme and {@code www.} dropped, host lower-cased, default ports, fragments and tracking
 * parameters ({@code utm_*}, {@code fbclid}, {@code gclid}, …) removed, trailing slash dropped.
 */
public final class Links {

    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga",
            "_gl", "ref_src", "si");

    private Links() {}

    /** The canonical form ({@code example.com/path?q=1}), or empty when the text is not an http(s) URL. */
    public static Optional<String> canonical(String url) {
        String text = url.strip();
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        StringBuilder out = new StringBuilder(host);
        int port = uri.getPort();
        if (port > 0 && port != 80 && port != 443) {
            out.append(':').append(port);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        out.append(path);
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            List<String> kept = new ArrayList<>();
            for (String parameter : query.split("&")) {
                String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
                    kept.add(parameter);
                }
            }
            if (!kept.isEmpty()) {
                out.append('?').append(String.join("&", kept));
            }
        }
        return Optional.of(out.toString());
    }

    /**
     * A canonical URL without its query string, then each parent path down to the host:
     * {@code example.com/a/b?x=1} gives {@code example.com/a/b}, {@code example.com/a}, {@code example.com}.
     */
    public static List<String> pathAndParents(String canonical) {
        int query = canonical.indexOf('?');
        String path = query >= 0 ? canonical.substring(0, query) : canonical;
        List<String> paths = new ArrayList<>();
        paths.add(path);
        int slash = path.lastIndexOf('/');
        while (slash > 0) {
            path = path.substring(0, slash);
            paths.add(path);
            slash = path.lastIndexOf('/');
        }
        return paths;
    }

    /** The host of a canonical URL and each parent domain with at least two labels. */
    public static List<String> siteAndParents(String canonical) {
        int end = canonical.length();
        for (int i = 0; i < canonical.length(); i++) {
            char c = canonical.charAt(i);
            if (c == '/' || c == '?' || c == ':') {
                end = i;
                break;
            }
        }
        String host = canonical.substring(0, end);
        List<String> sites = new ArrayList<>();
        sites.add(host);
        int dot = host.indexOf('.');
        while (dot >= 0 && host.indexOf('.', dot + 1) >= 0) {
            host = host.substring(dot + 1);
            sites.add(host);
            dot = host.indexOf('.');
        }
        return sites;
    }
}
