package io.earshot.ingest;

import io.earshot.domain.Engagement;
import io.earshot.domain.Interaction;
import io.earshot.domain.InteractionKey;
import io.earshot.domain.PostKey;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The interactions Earshot has counted, keyed by their network identity. Engagement counters are derived
 * from it, so replaying an interaction never counts it twice and an undo takes back exactly what was counted.
 */
public interface InteractionLedger {

    /** Records an interaction; false when it was already recorded. */
    boolean record(Interaction interaction);

    /** Removes a recorded interaction and returns it; empty when it was never recorded. */
    Optional<Interaction> remove(InteractionKey key);

    /** Likes, reposts, replies and quotes recorded for a post. */
    Engagement engagementOf(PostKey post);

    /** The engagement recorded for each of these posts that has any; posts without are absent. */
    Map<PostKey, Engagement> engagementOf(Collection<PostKey> posts);

    /** Forgets every interaction whose subject is {@code post} (the post was deleted). */
    void forgetSubject(PostKey post);
}
