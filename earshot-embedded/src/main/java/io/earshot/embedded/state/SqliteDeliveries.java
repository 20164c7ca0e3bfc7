package io.earshot.embedded.state;

import io.earshot.alert.Delivery;
import io.earshot.alert.DeliveryOutbox;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The alert outbox in the state database (table {@code alert_deliveries}). */
final class SqliteDeliveries implements DeliveryOutbox {

    private static final String COLUMNS = "id, rule_id, alert_id, channel_type, target, channel, body, attempts,"
            + " status, next_attempt_at, last_error, created_at";

    private final SqliteDatabase database;

    SqliteDeliveries(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public void enqueue(Collection<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        database.transaction("queue alert deliveries", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO alert_deliveries ("
                    + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Delivery delivery : deliveries) {
                    insert.setString(1, delivery.id());
                    insert.setLong(2, delivery.ruleId());
                    insert.setLong(3, delivery.alertId());
                    insert.setString(4, delivery.channelType());
                    insert.setString(5, delivery.target());
                    insert.setString(6, delivery.channel());
                    insert.setString(7, delivery.body());
                    insert.setInt(8, delivery.attempts());
                    insert.setString(9, delivery.status().id());
                    insert.setLong(10, SqliteDatabase.millis(delivery.nextAttemptAt()));
                    insert.setString(11, delivery.lastError().orElse(null));
                    insert.setLong(12, SqliteDatabase.millis(delivery.createdAt()));
                    insert.setLong(13, SqliteDatabase.millis(delivery.createdAt()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<Delivery> due(Instant now, int limit) {
        return query(
                "read due alert deliveries",
                "WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at LIMIT ?",
                SqliteDatabase.millis(now),
                limit);
    }

    @Override
    public Optional<Instant> nextDue() {
        return database.call("read the next due alert delivery", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                            "SELECT MIN(next_attempt_at) FROM alert_deliveries WHERE status = 'pending'");
                    ResultSet rows = select.executeQuery()) {
                long millis = rows.next() ? rows.getLong(1) : 0;
                return rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
            }
        });
    }

    @Override
    public void delivered(String id, int attempts, Instant at) {
        update(id, "status = 'delivered', attempts = ?, last_error = NULL", attempts);
    }

    @Override
    public void retryLater(String id, int attempts, Instant next, String error) {
        database.transaction("schedule a retry of alert delivery " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE alert_deliveries SET attempts = ?,"
                    + " next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?")) {
                update.setInt(1, attempts);
                update.setLong(2, SqliteDatabase.millis(next));
                update.setString(3, error);
                update.setLong(4, System.currentTimeMillis());
                update.setString(5, id);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void dead(String id, int attempts, String error) {
        database.transaction("move alert delivery " + id + " to the dead letters", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE alert_deliveries SET status = 'dead',"
                    + " attempts = ?, last_error = ?, updated_at = ? WHERE id = ?")) {
                update.setInt(1, attempts);
                update.setString(2, error);
                update.setLong(3, System.currentTimeMillis());
                update.setString(4, id);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Delivery> deadLetters(int limit) {
        return query(
                "read the dead letters",
                "WHERE status = 'dead' AND 0 <= ? ORDER BY updated_at DESC, id LIMIT ?",
                0,
                limit);
    }

    @Override
    public boolean revive(String id, Instant now) {
        return database.transaction("retry dead letter " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE alert_deliveries SET status ="
                            + " 'pending', attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id = ? AND status = 'dead'")) {
                update.setLong(1, SqliteDatabase.millis(now));
                update.setLong(2, SqliteDatabase.millis(now));
                update.setString(3, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean discard(String id) {
        return database.transaction("discard dead letter " + id, connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM alert_deliveries WHERE id = ? AND status = 'dead'")) {
                delete.setString(1, id);
                return delete.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<Delivery> get(String id) {
        return query("read alert delivery " + id, "WHERE id = ? AND 0 <= ?", id, 0).stream()
                .findFirst();
    }

    @Override
    public long expireBefore(Instant cutoff) {
        return database.transaction("expire alert deliveries", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM alert_deliveries WHERE status IN ('delivered', 'dead') AND created_at < ?")) {
                delete.setLong(1, SqliteDatabase.millis(cutoff));
                return (long) delete.executeUpdate();
            }
        });
    }

    private void update(String id, String set, int attempts) {
        database.transaction("record alert delivery " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE alert_deliveries SET " + set + ", updated_at = ? WHERE id = ?")) {
                update.setInt(1, attempts);
                update.setLong(2, System.currentTimeMillis());
                update.setString(3, id);
                update.executeUpdate();
            }
            return null;
        });
    }

    private List<Delivery> query(String operation, String where, Object first, int second) {
        return database.call(operation, connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT " + COLUMNS + " FROM alert_deliveries " + where)) {
                select.setObject(1, first);
                select.setInt(2, second);
                try (ResultSet rows = select.executeQuery()) {
                    List<Delivery> deliveries = new ArrayList<>();
                    while (rows.next()) {
                        deliveries.add(delivery(rows));
                    }
                    return deliveries;
                }
            }
        });
    }

    private static Delivery delivery(ResultSet rows) throws SQLException {
        return new Delivery(
                rows.getString(1),
                rows.getLong(2),
                rows.getLong(3),
                rows.getString(4),
                rows.getString(5),
                rows.getString(6),
                rows.getString(7),
                rows.getInt(8),
                Delivery.Status.valueOf(rows.getString(9).toUpperCase(Locale.ROOT)),
                Instant.ofEpochMilli(rows.getLong(10)),
                Optional.ofNullable(rows.getString(11)),
                Instant.ofEpochMilli(rows.getLong(12)));
    }
}
