package io.earshot.embedded.state;

import io.earshot.source.SourceDefinitions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** API-added source definitions in the {@code source_definitions} table. */
final class SqliteSourceDefinitions implements SourceDefinitions {

    private final SqliteDatabase database;
    private final Clock clock;

    SqliteSourceDefinitions(SqliteDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public List<Definition> list() {
        return database.call("read the source definitions", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                            "SELECT id, definition FROM source_definitions ORDER BY created_at, id");
                    ResultSet rows = select.executeQuery()) {
                List<Definition> definitions = new ArrayList<>();
                while (rows.next()) {
                    definitions.add(new Definition(rows.getString(1), rows.getString(2)));
                }
                return definitions;
            }
        });
    }

    @Override
    public boolean add(String id, String json) {
        return database.transaction("store the definition of source " + id, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR IGNORE INTO source_definitions (id, definition, created_at) VALUES (?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, json);
                insert.setLong(3, SqliteDatabase.millis(clock.instant()));
                return insert.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean remove(String id) {
        return database.transaction("remove the definition of source " + id, connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM source_definitions WHERE id = ?")) {
                delete.setString(1, id);
                return delete.executeUpdate() == 1;
            }
        });
    }
}
