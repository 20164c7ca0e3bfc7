package io.earshot.topic;

import java.util.Optional;

/**
 * The secret in each topic's Atom feed URL ({@code /feeds/topics/{id}.atom?key=…}): what a feed reader, which
 * cannot log in, presents instead. Unguessable (128 bits or more), one per topic, shown to people who may read
 * the topic, and revoked by rotating it. Implementations run {@code FeedKeysContract} from the testkit.
 */
public interface FeedKeys {

    /** The topic's current key, if it has one. */
    Optional<String> key(long topicId);

    /** Gives the topic a new key, replacing (revoking) the old one; returns it. */
    String rotate(long topicId);

    /** Removes the topic's key: its feed URL stops working. False when it had none. */
    boolean revoke(long topicId);
}
