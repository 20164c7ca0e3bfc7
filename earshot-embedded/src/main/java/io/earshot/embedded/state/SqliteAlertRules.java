package io.earshot.embedded.state;

import io.earshot.alert.AlertRuleStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Alert rules and their history in the state database (tables {@code alert_rules}, {@code alert_history}). */
final class SqliteAlertRules implements AlertRuleStore {

    private static final String COLUMNS = "id, definition, paused, created_at, updated_at";

    private final SqliteDatabase database;

    SqliteAlertRules(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public StoredRule create(String definition, Instant at) {
        return database.transaction("store a new alert rule", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO alert_rules (definition, paused, created_at, updated_at) VALUES (?, 0, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, definition);
                insert.setLong(2, SqliteDatabase.millis(at));
                insert.setLong(3, SqliteDatabase.millis(at));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return select(connection, keys.getLong(1)).orElseThrow();
                }
            }
        });
    }

    @Override
    public Optional<StoredRule> update(long id, String definition, Instant at) {
        return database.transaction("update alert rule " + id, connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE alert_rules SET definition = ?, updated_at = ? WHERE id = ?")) {
                update.setString(1, definition);
                update.setLong(2, SqliteDatabase.millis(at));
                update.setLong(3, id);
                return update.executeUpdate() == 1 ? select(connection, id) : Optional.empty();
            }
        });
    }

    @Override
    public Optional<StoredRule> setPaused(long id, boolean paused, Instant at) {
        return database.transaction((paused ? "pause" : "resume") + " alert rule " + id, connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE alert_rules SET paused = ?, updated_at = ? WHERE id = ?")) {
                update.setInt(1, paused ? 1 : 0);
                update.setLong(2, SqliteDatabase.millis(at));
                update.setLong(3, id);
                return update.executeUpdate() == 1 ? select(connection, id) : Optional.empty();
            }
        });
    }

    @Override
    public boolean delete(long id) {
        return database.transaction("delete alert rule " + id, connection -> {
            for (String table : List.of("alert_history", "alert_notices", "alert_minutes", "alert_values")) {
                try (PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM " + table + " WHERE rule_id = ?")) {
                    delete.setLong(1, id);
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM alert_rules WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<StoredRule> list() {
        return database.call("read the alert rules", connection -> {
            try (PreparedStatement select =
                            connection.prepareStatement("SELECT " + COLUMNS + " FROM alert_rules ORDER BY id");
                    ResultSet rows = select.executeQuery()) {
                List<StoredRule> rules = new ArrayList<>();
                while (rows.next()) {
                    rules.add(rule(rows));
                }
                return rules;
            }
        });
    }

    @Override
    public Optional<StoredRule> get(long id) {
        return database.call("read alert rule " + id, connection -> select(connection, id));
    }

    @Override
    public long appendHistory(long ruleId, String kind, Instant firedAt, String notification) {
        return database.transaction("record an alert of rule " + ruleId, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO alert_history (rule_id, kind, fired_at, notification) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, ruleId);
                insert.setString(2, kind);
                insert.setLong(3, SqliteDatabase.millis(firedAt));
                insert.setString(4, notification);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    @Override
    public List<StoredAlert> history(long ruleId, Optional<Long> before, int limit) {
        return database.call("read the history of alert rule " + ruleId, connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT id, rule_id, kind, fired_at, notification FROM alert_history"
                            + " WHERE rule_id = ? AND id < ? ORDER BY id DESC LIMIT ?")) {
                select.setLong(1, ruleId);
                select.setLong(2, before.orElse(Long.MAX_VALUE));
                select.setInt(3, limit);
                try (ResultSet rows = select.executeQuery()) {
                    List<StoredAlert> alerts = new ArrayList<>();
                    while (rows.next()) {
                        alerts.add(new StoredAlert(
                                rows.getLong(1),
                                rows.getLong(2),
                                rows.getString(3),
                                Instant.ofEpochMilli(rows.getLong(4)),
                                rows.getString(5)));
                    }
                    return alerts;
                }
            }
        });
    }

    @Override
    public long expireHistoryBefore(Instant cutoff) {
        return database.transaction("expire alert history", connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM alert_history WHERE fired_at < ?")) {
                delete.setLong(1, SqliteDatabase.millis(cutoff));
                return (long) delete.executeUpdate();
            }
        });
    }

    private static Optional<StoredRule> select(Connection connection, long id) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT " + COLUMNS + " FROM alert_rules WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rule(rows)) : Optional.empty();
            }
        }
    }

    private static StoredRule rule(ResultSet rows) throws SQLException {
        return new StoredRule(
                rows.getLong(1),
                rows.getString(2),
                rows.getInt(3) == 1,
                Instant.ofEpochMilli(rows.getLong(4)),
                Instant.ofEpochMilli(rows.getLong(5)));
    }
}
