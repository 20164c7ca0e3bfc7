package io.earshot.source;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Events from one source, in order, and the cursor that covers them: once every event in the batch is
 * durably stored, the pipeline commits {@code cursor} for {@code sourceId}, and a restart resumes from there.
 */
public record SourceBatch(String sourceId, List<SourceEvent> events, Optional<String> cursor) {
    public SourceBatch {
        Objects.requireNonNull(sourceId, "sourceId");
        events = List.copyOf(events);
        Objects.requireNonNull(cursor, "cursor");
    }
}
