package io.earshot.source.bluesky;

import io.earshot.domain.InteractionKey;
import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import java.util.Optional;

/**
 * The one place where Bluesky identities become Earshot keys, so a post gets the same key whether it
 * arrives as a create, an edit, a delete, the parent of a reply or the subject of a like.
 *
 * <p>A post's native id is {@code <did>:<rkey>}: an AT-URI's {@code /} is not allowed in a {@link PostKey}
 * (keys travel in URL paths), and neither DIDs nor record keys contain {@code /}.
 */
public final class BlueskyIds {

    /** The collection of posts; the middle segment of a post's AT-URI. */
    public static final String POST_COLLECTION = "app.bsky.feed.post";

    private static final String AT_SCHEME = "at://";
    private static final String POST_SEGMENT = "/" + POST_COLLECTION + "/";

    private BlueskyIds() {}

    /**
     * The key of the post {@code rkey} in the repository {@code did}.
     *
     * @throws IllegalArgumentException when either part is empty or holds a character a key may not hold
     */
    public static PostKey postKey(String did, String rkey) {
        requirePart("did", did);
        requirePart("rkey", rkey);
        return new PostKey(Network.BLUESKY, did + ":" + rkey);
    }

    /**
     * The key of the post an AT-URI such as {@code at://did:plc:abc/app.bsky.feed.post/3kxyz} names; empty
     * for anything else (a feed generator, a list, a profile, a malformed URI).
     */
    public static Optional<PostKey> postKey(String atUri) {
        if (!atUri.startsWith(AT_SCHEME)) {
            return Optional.empty();
        }
        int segment = atUri.indexOf(POST_SEGMENT, AT_SCHEME.length());
        if (segment <= AT_SCHEME.length()) {
            return Optional.empty();
        }
        String did = atUri.substring(AT_SCHEME.length(), segment);
        String rkey = atUri.substring(segment + POST_SEGMENT.length());
        if (!isPart(did) || !isPart(rkey)) {
            return Optional.empty();
        }
        try {
            return Optional.of(postKey(did, rkey));
        } catch (IllegalArgumentException tooLong) {
            return Optional.empty();
        }
    }

    /**
     * The repository (the account's DID) of any AT-URI, e.g. the author of a liked post; empty when the
     * text is not an AT-URI.
     */
    public static Optional<String> repository(String atUri) {
        if (!atUri.startsWith(AT_SCHEME)) {
            return Optional.empty();
        }
        int end = atUri.indexOf('/', AT_SCHEME.length());
        String authority = atUri.substring(AT_SCHEME.length(), end < 0 ? atUri.length() : end);
        return isPart(authority) ? Optional.of(authority) : Optional.empty();
    }

    /** The AT-URI of a post: {@code at://<did>/app.bsky.feed.post/<rkey>}. */
    public static String postUri(String did, String rkey) {
        return AT_SCHEME + did + POST_SEGMENT + rkey;
    }

    /** The bsky.app page of a post, for a person to open. */
    public static String postUrl(String did, String rkey) {
        return "https://bsky.app/profile/" + did + "/post/" + rkey;
    }

    /**
     * The key of a record that is an interaction (a like, repost, follow, block, or a post that replies):
     * {@code <did>/<collection>/<rkey>}, the record's AT-URI without its scheme, so its delete finds it.
     */
    public static InteractionKey interactionKey(String did, String collection, String rkey) {
        requirePart("did", did);
        requirePart("collection", collection);
        requirePart("rkey", rkey);
        return new InteractionKey(Network.BLUESKY, did + "/" + collection + "/" + rkey);
    }

    private static void requirePart(String name, String value) {
        if (!isPart(value)) {
            throw new IllegalArgumentException("a Bluesky " + name
                    + " must be non-empty, without '/', '?', '#' or white space; got '" + value + "'");
        }
    }

    private static boolean isPart(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '?' || c == '#' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }
}
