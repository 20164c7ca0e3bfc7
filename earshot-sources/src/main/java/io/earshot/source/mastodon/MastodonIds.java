package io.earshot.source.mastodon;

import io.earshot.domain.InteractionKey;
import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place where Mastodon identities become Earshot keys, so a status gets the same key whether it
 * arrives as an {@code update}, a {@code status.update}, a {@code delete}, the parent of a reply, the subject
 * of a reblog or a page of a REST timeline.
 *
 * <p>A post's native id is {@code <instance>:<status id>}: the status id as the instance we read it from
 * knows it, prefixed by that instance ({@code mastodon.social:113012345678901234}). The package documentation
 * says why this, and not the status's ActivityPub {@code uri}, is the identity.
 */
public final class MastodonIds {

    /** Longer ids are not Mastodon's (snowflakes have 18 digits, other servers' flake ids about 22 characters). */
    static final int MAX_ID_CHARS = 128;

    /**
     * Mastodon status ids are snowflakes: milliseconds since the epoch shifted left by 16 bits, plus a
     * sequence. Ids below this (2015 in milliseconds, shifted) are sequence numbers from old servers.
     */
    private static final long SNOWFLAKE_FLOOR = 1_420_070_400_000L << 16;

    private MastodonIds() {}

    /**
     * The instance part of every key: the host in lower case, with the port when the URL names one that is
     * not its scheme's default ({@code mastodon.social}, {@code 127.0.0.1:8080}).
     *
     * @throws IllegalArgumentException when the URL has no host
     */
    public static String instanceKey(URI instance) {
        String host = host(instance);
        int port = instance.getPort();
        boolean defaultPort = port < 0
                || port == 443 && "https".equalsIgnoreCase(instance.getScheme())
                || port == 80 && "http".equalsIgnoreCase(instance.getScheme());
        return defaultPort ? host : host + ":" + port;
    }

    /** The domain of the instance's own accounts: what a local {@code acct} such as {@code alice} lacks. */
    public static String accountDomain(URI instance) {
        return host(instance);
    }

    /**
     * The key of the status {@code statusId} as {@code instance} (an {@link #instanceKey}) knows it.
     *
     * @throws IllegalArgumentException when the id is empty, too long or holds {@code /}, {@code ?}, {@code #}
     *     or white space
     */
    public static PostKey postKey(String instance, String statusId) {
        requireId(statusId);
        return new PostKey(Network.MASTODON, instance + ":" + statusId);
    }

    /**
     * The key of the interaction a status is (a reply, or a reblog): the status's own id, so the {@code delete}
     * that takes the status back also takes back its interaction.
     */
    public static InteractionKey interactionKey(String instance, String statusId) {
        requireId(statusId);
        return new InteractionKey(Network.MASTODON, instance + ":" + statusId);
    }

    /** The key of a status's mention of {@code acct}: one status can mention many accounts. */
    public static InteractionKey mentionKey(String instance, String statusId, String acct) {
        return new InteractionKey(
                Network.MASTODON, interactionKey(instance, statusId).nativeId() + "#mention:" + acct);
    }

    /** The key of {@code acct}'s favourite of a status (seen in notifications, which carry no id of their own). */
    public static InteractionKey favouriteKey(String instance, String statusId, String acct) {
        return new InteractionKey(
                Network.MASTODON, interactionKey(instance, statusId).nativeId() + "#favourite:" + acct);
    }

    /**
     * An {@code acct} made absolute: {@code alice} (an account of the instance itself) becomes
     * {@code alice@<domain>}; {@code bob@example.org} stays as it is, with its domain in lower case. A leading
     * {@code @} is dropped.
     */
    public static String absoluteAcct(String acct, String domain) {
        String bare = acct.startsWith("@") ? acct.substring(1) : acct;
        int at = bare.indexOf('@');
        if (at < 0) {
            return bare + "@" + domain.toLowerCase(Locale.ROOT);
        }
        return bare.substring(0, at) + "@" + bare.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** Whether {@code id} can be part of a key: non-empty, short, without {@code /?#}, white space or controls. */
    static boolean isId(String id) {
        if (id.isEmpty() || id.length() > MAX_ID_CHARS) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '/' || c == '?' || c == '#' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Orders status ids oldest first. Mastodon's are decimal numbers of growing length, so they compare by
     * length, then digit by digit; other servers' (Pleroma's flake ids) are fixed-length and compare as text.
     */
    static int compare(String a, String b) {
        if (isDecimal(a) && isDecimal(b)) {
            String x = stripZeros(a);
            String y = stripZeros(b);
            return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
        }
        return a.compareTo(b);
    }

    /** The newer of two ids. */
    static String newer(String a, String b) {
        return compare(a, b) >= 0 ? a : b;
    }

    /**
     * The id {@code overlap} earlier than {@code id}, for a snowflake id; empty for ids that carry no time.
     * Mastodon derives a status's id from its creation time, so a remote status that federates late gets an id
     * older than ones already seen: asking the timeline from a little before the newest id seen catches it.
     */
    static Optional<String> rewind(String id, Duration overlap) {
        if (!isDecimal(id) || stripZeros(id).length() > 18 || overlap.isZero()) {
            return Optional.empty();
        }
        long value = Long.parseLong(id);
        if (value < SNOWFLAKE_FLOOR) {
            return Optional.empty();
        }
        long millis = (value >>> 16) - overlap.toMillis();
        return millis <= 0 ? Optional.empty() : Optional.of(Long.toString(millis << 16));
    }

    private static void requireId(String id) {
        if (!isId(id)) {
            throw new IllegalArgumentException("a Mastodon status id must have 1 to " + MAX_ID_CHARS
                    + " characters, without '/', '?', '#'" + " or white space; got '" + Json.clip(id) + "'");
        }
    }

    private static String host(URI instance) {
        String host = instance.getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(
                    "a Mastodon instance is a URL with a host, e.g. https://mastodon.social; got '" + instance + "'");
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private static boolean isDecimal(String id) {
        if (id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
