package io.earshot.source.feed;

import io.earshot.lucene.Links;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place feed identities are made, so the same entry always gets the same key however it arrives.
 *
 * <p>A feed is known by its canonical URL ({@link Links#canonical}: no scheme, no {@code www.}, no tracking
 * parameters), so moving a subscription from {@code http://} to {@code https://} keeps every entry's key. An
 * entry's native id is the first 32 hex digits (128 bits) of SHA-256 over the feed's canonical URL, a newline,
 * and what identifies the entry in the feed: its GUID (Atom {@code id}, RSS {@code guid}, RDF {@code about}),
 * else its link, else its title and date. Hex never contains {@code /}, {@code ?}, {@code #} or spaces, and
 * the feed URL in the hash keeps two feeds that reuse GUIDs such as {@code 1}, {@code 2} apart.
 */
final class FeedIds {

    static final int NATIVE_ID_HEX_DIGITS = 32;

    private FeedIds() {}

    /** The feed's canonical URL, e.g. {@code example.com/feed.xml}; the URL as given if it has none. */
    static String feedKey(URI feedUrl) {
        return Links.canonical(feedUrl.toString()).orElse(feedUrl.toString());
    }

    /** The native id of the entry identified by {@code identity} (its GUID, link, or title and date). */
    static String nativeId(String feedKey, String identity) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((feedKey + "\n" + identity).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, NATIVE_ID_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The address a redirect link leads to. Google Alerts links every result as
     * {@code https://www.google.com/url?rct=j&sa=t&url=<real address>&ct=ga&…}; what a person wants, and what
     * topics on links should match, is the real address. Other links come back as they are.
     */
    static String unwrapRedirect(String link) {
        URI uri;
        try {
            uri = new URI(link.strip());
        } catch (java.net.URISyntaxException e) {
            return link;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean google = host.equals("google.com") || host.startsWith("www.google.") || host.startsWith("google.");
        if (!google || !"/url".equals(uri.getRawPath()) || uri.getRawQuery() == null) {
            return link;
        }
        return parameter(uri.getRawQuery(), "url")
                .or(() -> parameter(uri.getRawQuery(), "q"))
                .filter(FeedText::isWebLink)
                .orElse(link);
    }

    private static Optional<String> parameter(String rawQuery, String name) {
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                try {
                    return Optional.of(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException badEscape) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
