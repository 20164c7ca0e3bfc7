package io.earshot.domain;

import java.util.Objects;

/**
 * The identity of a post: {@code network:native-id}. Every write is idempotent on this key.
 *
 * <p>Native ids never contain {@code /}, {@code ?}, {@code #} or white space, so {@link #id()} can be used
 * as-is in a URL path (e.g. {@code /api/v1/mentions/bluesky:did:plc:abc:3kxyz}). Each connector builds its
 * native ids with one function, so the same post always gets the same key, whether it arrives as a
 * create, an edit, a delete or the subject of a like.
 */
public record PostKey(Network network, String nativeId) implements Comparable<PostKey> {

    public PostKey {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(nativeId, "nativeId");
        if (nativeId.isEmpty() || nativeId.length() > 512) {
            throw new IllegalArgumentException("a post's native id must have 1 to 512 characters");
        }
        for (int i = 0; i < nativeId.length(); i++) {
            char c = nativeId.charAt(i);
            if (c == '/' || c == '?' || c == '#' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException(
                        "a post's native id may not contain '/', '?', '#' or white space: " + nativeId);
            }
        }
    }

    /** The key as one string, {@code network:native-id}. */
    public String id() {
        return network.id() + ":" + nativeId;
    }

    /** Parses {@link #id()} back into a key. */
    public static PostKey parse(String id) {
        int colon = id.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(
                    "a post id looks like 'network:native-id', e.g. 'bluesky:did:plc:abc:3kxyz'; got '" + id + "'");
        }
        return new PostKey(Network.fromId(id.substring(0, colon)), id.substring(colon + 1));
    }

    @Override
    public int compareTo(PostKey other) {
        return id().compareTo(other.id());
    }

    @Override
    public String toString() {
        return id();
    }
}
