package io.earshot.ingest;

import io.earshot.domain.Mention;
import io.earshot.domain.PostKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How the pipeline tells listeners about a round's mentions and deletes; a failing listener is logged, never fatal. */
final class MentionListeners {

    private static final Logger log = LoggerFactory.getLogger(MentionListeners.class);

    private MentionListeners() {}

    /** Tells {@code listeners} about {@code stored} and {@code deleted}. */
    static void tell(List<MentionListener> listeners, List<Mention> stored, List<PostKey> deleted) {
        if (!deleted.isEmpty()) {
            List<PostKey> gone = List.copyOf(deleted);
            for (MentionListener listener : listeners) {
                try {
                    listener.postsDeleted(gone);
                } catch (RuntimeException e) {
                    log.warn("a mention listener failed; ingestion goes on", e);
                }
            }
        }
        if (stored.isEmpty()) {
            return;
        }
        // a retried batch may have stored the same post twice: tell listeners once, with its last version
        Map<PostKey, Mention> latest = new LinkedHashMap<>();
        stored.forEach(mention -> latest.put(mention.key(), mention));
        List<Mention> matched =
                latest.values().stream().filter(Mention::matchedAnyTopic).toList();
        List<Mention> replies = latest.values().stream()
                .filter(mention -> !mention.matchedAnyTopic())
                .toList();
        for (MentionListener listener : listeners) {
            try {
                if (!matched.isEmpty()) {
                    listener.mentionsStored(matched);
                }
                if (!replies.isEmpty()) {
                    listener.repliesStored(replies);
                }
            } catch (RuntimeException e) {
                log.warn("a mention listener failed; ingestion goes on", e);
            }
        }
    }
}
