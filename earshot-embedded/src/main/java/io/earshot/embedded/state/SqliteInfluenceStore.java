package io.earshot.embedded.state;

import io.earshot.domain.Network;
import io.earshot.influence.AuthorInfluence;
import io.earshot.influence.InfluenceStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Influence exclusions and daily scores in the {@code influence_exclusions} and {@code influence_history} tables. */
final class SqliteInfluenceStore implements InfluenceStore {

    private final SqliteDatabase database;

    SqliteInfluenceStore(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public void exclude(Network network, String accountId, Instant at) {
        database.transaction("exclude " + network.id() + ":" + accountId + " from influence", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT OR IGNORE INTO influence_exclusions (network, account_id, excluded_at) VALUES (?, ?, ?)");
                    PreparedStatement forget = connection.prepareStatement(
                            "DELETE FROM influence_history WHERE network = ? AND account_id = ?")) {
                insert.setString(1, network.id());
                insert.setString(2, accountId);
                insert.setLong(3, SqliteDatabase.millis(at));
                insert.executeUpdate();
                forget.setString(1, network.id());
                forget.setString(2, accountId);
                forget.executeUpdate();
                return null;
            }
        });
    }

    @Override
    public Set<String> excluded() {
        return database.call("read the accounts excluded from influence", connection -> {
            try (PreparedStatement select =
                            connection.prepareStatement("SELECT network, account_id FROM influence_exclusions");
                    ResultSet rows = select.executeQuery()) {
                Set<String> keys = new HashSet<>();
                while (rows.next()) {
                    keys.add(rows.getString(1) + ":" + rows.getString(2));
                }
                return keys;
            }
        });
    }

    @Override
    public void recordDay(LocalDate day, Collection<AuthorInfluence> scores) {
        database.transaction("store the influence scores of " + day, connection -> {
            try (PreparedStatement clear = connection.prepareStatement("DELETE FROM influence_history WHERE day = ?");
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT OR REPLACE INTO influence_history (network, account_id, day, score) VALUES (?, ?, ?, ?)")) {
                clear.setString(1, day.toString());
                clear.executeUpdate();
                for (AuthorInfluence score : scores) {
                    insert.setString(1, score.network().id());
                    insert.setString(2, score.accountId());
                    insert.setString(3, day.toString());
                    insert.setDouble(4, score.score());
                    insert.addBatch();
                }
                insert.executeBatch();
                return null;
            }
        });
    }

    @Override
    public List<DailyScore> history(Network network, String accountId, int days) {
        return database.call("read the influence history of " + network.id() + ":" + accountId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT day, score FROM influence_history"
                    + " WHERE network = ? AND account_id = ? ORDER BY day DESC LIMIT ?")) {
                select.setString(1, network.id());
                select.setString(2, accountId);
                select.setInt(3, days);
                try (ResultSet rows = select.executeQuery()) {
                    List<DailyScore> history = new ArrayList<>();
                    while (rows.next()) {
                        history.add(0, new DailyScore(LocalDate.parse(rows.getString(1)), rows.getDouble(2)));
                    }
                    return history;
                }
            }
        });
    }
}
