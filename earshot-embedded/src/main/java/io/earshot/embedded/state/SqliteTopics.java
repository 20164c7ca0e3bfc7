package io.earshot.embedded.state;

import io.earshot.topic.Topic;
import io.earshot.topic.TopicStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Topics in the {@code topics} table. Ids come from AUTOINCREMENT, so they are never reused. */
final class SqliteTopics implements TopicStore {

    private static final String COLUMNS = "id, name, query, created_at, updated_at";

    private final SqliteDatabase database;
    private final Clock clock;

    SqliteTopics(SqliteDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Topic create(String name, String query) {
        requireName(name);
        long now = SqliteDatabase.millis(clock.instant());
        return database.call("create topic '" + name + "'", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO topics (name, query, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING "
                            + COLUMNS)) {
                insert.setString(1, name);
                insert.setString(2, query);
                insert.setLong(3, now);
                insert.setLong(4, now);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return topic(row);
                }
            }
        });
    }

    @Override
    public List<Topic> list() {
        return database.call("list topics", connection -> {
            try (PreparedStatement select =
                            connection.prepareStatement("SELECT " + COLUMNS + " FROM topics ORDER BY id");
                    ResultSet rows = select.executeQuery()) {
                List<Topic> topics = new ArrayList<>();
                while (rows.next()) {
                    topics.add(topic(rows));
                }
                return topics;
            }
        });
    }

    @Override
    public Optional<Topic> get(long id) {
        return database.call("get topic " + id, connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT " + COLUMNS + " FROM topics WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(topic(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<Topic> update(long id, String name, String query) {
        requireName(name);
        long now = SqliteDatabase.millis(clock.instant());
        return database.call("update topic " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE topics SET name = ?, query = ?, updated_at = ? WHERE id = ? RETURNING " + COLUMNS)) {
                update.setString(1, name);
                update.setString(2, query);
                update.setLong(3, now);
                update.setLong(4, id);
                try (ResultSet row = update.executeQuery()) {
                    return row.next() ? Optional.of(topic(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean delete(long id) {
        return database.call("delete topic " + id, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM topics WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private static void requireName(String name) {
        // the same rule as the Topic record, checked before anything is written
        if (name.isBlank()) {
            throw new IllegalArgumentException("a topic needs a name");
        }
    }

    private static Topic topic(ResultSet row) throws SQLException {
        return new Topic(
                row.getLong("id"),
                row.getString("name"),
                row.getString("query"),
                Instant.ofEpochMilli(row.getLong("created_at")),
                Instant.ofEpochMilli(row.getLong("updated_at")));
    }
}
