package io.earshot.embedded.state;

import io.earshot.domain.PostKey;
import io.earshot.ingest.TombstoneStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Deleted post keys in the {@code tombstones} table; the first deletion time is kept. */
final class SqliteTombstones implements TombstoneStore {

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
        if (keys.isEmpty()) {
            return Set.of();
        }
        Map<String, PostKey> byId = new HashMap<>();
        keys.forEach(key -> byId.put(key.id(), key));
        // ingest asks for every batch: on the read connection, never behind the inbox's transactions
        return database.read("look up " + byId.size() + " deleted posts", connection -> {
            Set<PostKey> buried = new HashSet<>();
            for (List<String> chunk : InLists.chunks(List.copyOf(byId.keySet()))) {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT post_key FROM tombstones WHERE post_key IN (" + InLists.PLACEHOLDERS + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            buried.add(byId.get(rows.getString(1)));
                        }
                    }
                }
            }
            return Set.copyOf(buried);
        });
    }
}
