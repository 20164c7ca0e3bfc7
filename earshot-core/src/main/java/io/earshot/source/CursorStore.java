package io.earshot.source;

import java.util.Optional;

/** Durable source cursors. A cursor is committed only after what it covers is durably stored. */
public interface CursorStore {

    Optional<String> get(String sourceId);

    void commit(String sourceId, String cursor);
}
