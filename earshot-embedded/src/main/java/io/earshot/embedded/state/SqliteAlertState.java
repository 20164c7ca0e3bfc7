package io.earshot.embedded.state;

import io.earshot.alert.AlertState;
import io.earshot.alert.MinuteSeries.Counts;
import io.earshot.domain.PostKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The alert engine's memory in the state database: notices ({@code alert_notices}), minute counts
 * ({@code alert_minutes}) and per-rule values ({@code alert_values}).
 */
final class SqliteAlertState implements AlertState {

    private final SqliteDatabase database;

    SqliteAlertState(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public Set<PostKey> firstNotices(long ruleId, Collection<PostKey> keys, Instant at) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return database.transaction("record notices of alert rule " + ruleId, connection -> {
            Set<PostKey> first = new LinkedHashSet<>();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR IGNORE INTO alert_notices (rule_id, post_key, notified_at) VALUES (?, ?, ?)")) {
                for (PostKey key : new LinkedHashSet<>(keys)) {
                    insert.setLong(1, ruleId);
                    insert.setString(2, key.id());
                    insert.setLong(3, SqliteDatabase.millis(at));
                    if (insert.executeUpdate() == 1) {
                        first.add(key);
                    }
                }
            }
            return first;
        });
    }

    @Override
    public Map<Long, Counts> series(long ruleId, long fromMinute) {
        return database.call("read the minute counts of alert rule " + ruleId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT minute, total, negative, positive FROM alert_minutes WHERE rule_id = ? AND minute >= ?")) {
                select.setLong(1, ruleId);
                select.setLong(2, fromMinute);
                try (ResultSet rows = select.executeQuery()) {
                    Map<Long, Counts> minutes = new HashMap<>();
                    while (rows.next()) {
                        minutes.put(rows.getLong(1), new Counts(rows.getLong(2), rows.getLong(3), rows.getLong(4)));
                    }
                    return minutes;
                }
            }
        });
    }

    @Override
    public void saveSeries(long ruleId, Map<Long, Counts> minutes) {
        if (minutes.isEmpty()) {
            return;
        }
        database.transaction("store the minute counts of alert rule " + ruleId, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT OR REPLACE INTO alert_minutes (rule_id, minute, total, negative, positive)"
                            + " VALUES (?, ?, ?, ?, ?)")) {
                for (Map.Entry<Long, Counts> minute : minutes.entrySet()) {
                    upsert.setLong(1, ruleId);
                    upsert.setLong(2, minute.getKey());
                    upsert.setLong(3, minute.getValue().total());
                    upsert.setLong(4, minute.getValue().negative());
                    upsert.setLong(5, minute.getValue().positive());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<String> value(long ruleId, String key) {
        return database.call("read a value of alert rule " + ruleId, connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT value FROM alert_values WHERE rule_id = ? AND name = ?")) {
                select.setLong(1, ruleId);
                select.setString(2, key);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void putValue(long ruleId, String key, String value) {
        database.transaction("store a value of alert rule " + ruleId, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT OR REPLACE INTO alert_values (rule_id, name, value) VALUES (?, ?, ?)")) {
                upsert.setLong(1, ruleId);
                upsert.setString(2, key);
                upsert.setString(3, value);
                upsert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void forget(long ruleId) {
        database.transaction("forget alert rule " + ruleId, connection -> {
            for (String table : List.of("alert_notices", "alert_minutes", "alert_values")) {
                try (PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM " + table + " WHERE rule_id = ?")) {
                    delete.setLong(1, ruleId);
                    delete.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public long expireBefore(Instant cutoff) {
        return database.transaction("expire alert notices and minute counts", connection -> {
            long removed;
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM alert_notices WHERE notified_at < ?")) {
                delete.setLong(1, SqliteDatabase.millis(cutoff));
                removed = delete.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM alert_minutes WHERE minute < ?")) {
                delete.setLong(1, Math.floorDiv(cutoff.getEpochSecond(), 60));
                removed += delete.executeUpdate();
            }
            return removed;
        });
    }
}
