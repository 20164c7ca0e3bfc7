package io.earshot.embedded.state;

import io.earshot.domain.InteractionKey;
import io.earshot.domain.InteractionKind;
import io.earshot.domain.Network;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * How the graph tables spell what they hold: fixed small codes for networks and kinds (never ordinals, so
 * reordering an enum cannot change the meaning of stored rows), interaction key fingerprints and page cursors.
 */
final class GraphCodes {

    private GraphCodes() {}

    static int network(Network network) {
        return switch (network) {
            case BLUESKY -> 1;
            case MASTODON -> 2;
            case FEED -> 3;
            case WEBHOOK -> 4;
        };
    }

    static Network network(int code) {
        return switch (code) {
            case 1 -> Network.BLUESKY;
            case 2 -> Network.MASTODON;
            case 3 -> Network.FEED;
            case 4 -> Network.WEBHOOK;
            default -> throw new IllegalStateException("unknown network code " + code + " in graph_accounts");
        };
    }

    static int kind(InteractionKind kind) {
        return switch (kind) {
            case REPOST -> 1;
            case REPLY -> 2;
            case QUOTE -> 3;
            case MENTION -> 4;
            case FOLLOW -> 5;
            case BLOCK -> 6;
            case LIKE -> throw new IllegalArgumentException("likes are not edges of the interaction graph");
        };
    }

    static InteractionKind kind(int code) {
        return switch (code) {
            case 1 -> InteractionKind.REPOST;
            case 2 -> InteractionKind.REPLY;
            case 3 -> InteractionKind.QUOTE;
            case 4 -> InteractionKind.MENTION;
            case 5 -> InteractionKind.FOLLOW;
            case 6 -> InteractionKind.BLOCK;
            default -> throw new IllegalStateException("unknown kind code " + code + " in graph_edges");
        };
    }

    /** Not thread-safe: one per operation. */
    static final class Fingerprints {
        private final MessageDigest sha256;

        Fingerprints() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this Java runtime has no SHA-256", e);
            }
        }

        /**
         * The first 8 bytes of SHA-256 of {@link InteractionKey#id()}. Two keys share one with probability
         * 2^-64; among 400 million edges (90 days of the Bluesky firehose) the chance that any two do is
         * about 0.4%, and the cost would be one edge taken for a replay of another.
         */
        long of(InteractionKey key) {
            return of(key.id());
        }

        /** The fingerprint of the record {@code R} a part key {@code R#part} belongs to; empty for a record. */
        Optional<Long> ofRecord(InteractionKey key) {
            String id = key.id();
            int hash = id.indexOf('#');
            return hash < 0 ? Optional.empty() : Optional.of(of(id.substring(0, hash)));
        }

        private long of(String id) {
            byte[] digest = sha256.digest(id.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                value = (value << 8) | (digest[i] & 0xFF);
            }
            return value;
        }
    }

    /** Where a page ended: the last edge's time (epoch seconds) and id. */
    record Position(long at, long id) {

        String cursor() {
            return at + "_" + id;
        }

        static Position parse(String cursor) {
            int split = cursor.indexOf('_', 1);
            try {
                if (split > 0) {
                    return new Position(
                            Long.parseLong(cursor.substring(0, split)), Long.parseLong(cursor.substring(split + 1)));
                }
            } catch (NumberFormatException e) {
                // reported below, with the cursor
            }
            throw new IllegalArgumentException("invalid interaction graph cursor '" + cursor
                    + "': pass the 'next' value of the previous page unchanged");
        }
    }
}
