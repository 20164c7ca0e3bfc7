package io.earshot.alert;

import io.earshot.domain.Mention;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The archive as the engine reads it: mentions of topics created at or after a time, newest first, each once.
 * Digests read the period they summarise; a new spike or shift rule counts the weeks before it was created,
 * so its baseline is ready at once.
 */
@FunctionalInterface
public interface RecentMentions {

    /** Visits at most {@code limit} mentions of any of {@code topics} created at or after {@code since}. */
    void forEach(List<Long> topics, Instant since, int limit, Consumer<Mention> visitor);

    RecentMentions NONE = (topics, since, limit, visitor) -> {};
}
