package io.earshot.embedded.state;

import io.earshot.domain.PostKey;
import io.earshot.ingest.TombstoneStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Deleted post keys in the {@code tombstones} table; the first deletion time is kept. */
final class SqliteTombstones implements TombstoneStore {

    /** Keys per {@code IN (...)} lookup: well under SQLite's limit on bound parameters. */
    private static final int CHUNK = 500;

    private final SqliteDatabase database;

    SqliteTombstones(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public void bury(Collection<PostKey> keys, Instant at) {
        if (keys.isEmpty()) {
            return;
        }
        long millis = SqliteDatabase.millis(at);
        database.transaction("record " + keys.size() + " deleted posts", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR IGNORE INTO tombstones (post_key, deleted_at) VALUES (?, ?)")) {
                for (PostKey key : keys) {
                    insert.setString(1, key.id());
                    insert.setLong(2, millis);
                    insert.addBatch();
                }
                return insert.executeBatch();
            }
        });
    }

    @Override
    public Set<PostKey> buried(Collection<PostKey> keys) {
        List<PostKey> all = List.copyOf(keys);
        Set<PostKey> buried = new HashSet<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<PostKey> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            buried.addAll(database.call("look up " + chunk.size() + " deleted posts", connection -> {
                String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT post_key FROM tombstones WHERE post_key IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 1, chunk.get(i).id());
                    }
                    List<PostKey> found = new ArrayList<>();
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            found.add(PostKey.parse(rows.getString(1)));
                        }
                    }
                    return found;
                }
            }));
        }
        return Set.copyOf(buried);
    }
}
