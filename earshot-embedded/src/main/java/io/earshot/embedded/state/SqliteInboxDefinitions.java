package io.earshot.embedded.state;

import io.earshot.inbox.InboxDefinitions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Routing rules, teams, canned replies and inbox settings (tables {@code inbox_definitions}, {@code inbox_sequences}). */
final class SqliteInboxDefinitions implements InboxDefinitions {

    private final SqliteDatabase database;

    SqliteInboxDefinitions(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public List<Definition> list(Kind kind) {
        return database.call("read inbox " + kind, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, position, definition, updated_at FROM inbox_definitions WHERE kind = ?"
                            + " ORDER BY position, length(id), id")) {
                select.setString(1, kind.name());
                try (ResultSet rows = select.executeQuery()) {
                    List<Definition> found = new ArrayList<>();
                    while (rows.next()) {
                        found.add(new Definition(
                                kind,
                                rows.getString(1),
                                rows.getInt(2),
                                rows.getString(3),
                                Instant.ofEpochMilli(rows.getLong(4))));
                    }
                    return found;
                }
            }
        });
    }

    @Override
    public Optional<Definition> get(Kind kind, String id) {
        return database.call("read inbox " + kind + " " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT position, definition, updated_at FROM inbox_definitions WHERE kind = ? AND id = ?")) {
                select.setString(1, kind.name());
                select.setString(2, id);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next()
                            ? Optional.of(new Definition(
                                    kind, id, rows.getInt(1), rows.getString(2), Instant.ofEpochMilli(rows.getLong(3))))
                            : Optional.<Definition>empty();
                }
            }
        });
    }

    @Override
    public void put(Kind kind, String id, int position, String json, Instant at) {
        database.call("store inbox " + kind + " " + id, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO inbox_definitions (kind, id, position, definition, updated_at) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (kind, id) DO UPDATE SET position = excluded.position,"
                            + " definition = excluded.definition, updated_at = excluded.updated_at")) {
                upsert.setString(1, kind.name());
                upsert.setString(2, id);
                upsert.setInt(3, position);
                upsert.setString(4, json);
                upsert.setLong(5, SqliteDatabase.millis(at));
                upsert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean delete(Kind kind, String id) {
        return database.call("delete inbox " + kind + " " + id, connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM inbox_definitions WHERE kind = ? AND id = ?")) {
                delete.setString(1, kind.name());
                delete.setString(2, id);
                return delete.executeUpdate() == 1;
            }
        });
    }

    @Override
    public long nextId(Kind kind) {
        return database.transaction("number a new inbox " + kind, connection -> {
            try (PreparedStatement upsert =
                    connection.prepareStatement("INSERT INTO inbox_sequences (kind, last) VALUES (?, 1)"
                            + " ON CONFLICT (kind) DO UPDATE SET last = last + 1")) {
                upsert.setString(1, kind.name());
                upsert.executeUpdate();
            }
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT last FROM inbox_sequences WHERE kind = ?")) {
                select.setString(1, kind.name());
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }
}
