package io.earshot.ingest;

import io.earshot.domain.Mention;
import io.earshot.domain.PostKey;
import java.util.List;

/**
 * Told about mentions once they are stored (new posts that matched a topic, and new versions of them), in the
 * order stored: as soon as they are written, or once they are durable, as the listener was registered
 * ({@link IngestPipeline.Moment}). Alerts and the live stream listen at the first moment, the inbox at the
 * second. Called on the ingest
 * thread: hand the work to your own queue and return at once, or you slow ingestion down. An exception
 * is logged and does not stop the others.
 */
@FunctionalInterface
public interface MentionListener {
    void mentionsStored(List<Mention> mentions);

    /**
     * Told about stored replies that matched no topic (a thread's later messages: "still broken", "thanks!"), so
     * the inbox can follow conversations; most listeners ignore them. Same rules as {@link #mentionsStored}.
     */
    default void repliesStored(List<Mention> replies) {}

    /**
     * Told about posts deleted on their network (or taken down), once the deletion is durable, so that listeners
     * that keep copies of posts (the inbox, contacts) forget them too. Same rules as {@link #mentionsStored}.
     */
    default void postsDeleted(List<PostKey> keys) {}
}
