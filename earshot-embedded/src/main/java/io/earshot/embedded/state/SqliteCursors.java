package io.earshot.embedded.state;

import io.earshot.source.CursorStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;

/** Source cursors in the {@code cursors} table, one row per source, overwritten on each commit. */
final class SqliteCursors implements CursorStore {

    private final SqliteDatabase database;
    private final Clock clock;

    SqliteCursors(SqliteDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Optional<String> get(String sourceId) {
        return database.call("read the cursor of source '" + sourceId + "'", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT cursor FROM cursors WHERE source_id = ?")) {
                select.setString(1, sourceId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void commit(String sourceId, String cursor) {
        long now = SqliteDatabase.millis(clock.instant());
        database.call("commit the cursor of source '" + sourceId + "'", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO cursors (source_id, cursor, updated_at) VALUES (?, ?, ?) "
                            + "ON CONFLICT (source_id) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at")) {
                upsert.setString(1, sourceId);
                upsert.setString(2, cursor);
                upsert.setLong(3, now);
                return upsert.executeUpdate();
            }
        });
    }
}
