package io.earshot.embedded.state;

import io.earshot.domain.Network;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code graph_accounts} dictionary: each account that appears in an edge gets a small integer once, so an
 * edge holds two integers instead of two 32-character DIDs.
 *
 * <p>Recently used numbers are cached (accounts repeat: a popular one is reposted many times a second). The
 * cache is only touched under the database lock, and it is emptied whenever accounts are deleted or a
 * transaction that may have numbered new ones fails, so it never hands out a number without a row.
 */
final class GraphAccounts {

    /** About 10 MB of cache at most. */
    private static final int CACHED = 100_000;

    private final Map<Account, Long> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Account, Long> eldest) {
            return size() > CACHED;
        }
    };

    /**
     * Numbers accounts within one transaction, with its statements prepared once. The transaction must call
     * {@link #forget} when it fails: numbers given to new accounts were rolled back with it.
     */
    Numbering numbering(Connection connection) throws SQLException {
        return new Numbering(connection);
    }

    final class Numbering implements AutoCloseable {
        private final PreparedStatement select;
        private final PreparedStatement insert;

        private Numbering(Connection connection) throws SQLException {
            select = connection.prepareStatement("SELECT id FROM graph_accounts WHERE network = ? AND account = ?");
            try {
                insert = connection.prepareStatement(
                        "INSERT INTO graph_accounts (network, account) VALUES (?, ?) RETURNING id");
            } catch (SQLException e) {
                select.close();
                throw e;
            }
        }

        /** The account's number, numbering it when new. */
        long idOf(Network network, String account) throws SQLException {
            Account key = new Account(network, account);
            Long cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
            long id = first(select, network, account).orElse(-1L);
            if (id < 0) {
                id = first(insert, network, account).orElseThrow();
            }
            cache.put(key, id);
            return id;
        }

        @Override
        public void close() throws SQLException {
            try (select;
                    insert) {
                // both closed
            }
        }
    }

    Optional<Long> find(Connection connection, Network network, String account) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT id FROM graph_accounts WHERE network = ? AND account = ?")) {
            return first(select, network, account);
        }
    }

    private static Optional<Long> first(PreparedStatement statement, Network network, String account)
            throws SQLException {
        statement.setInt(1, GraphCodes.network(network));
        statement.setString(2, account);
        try (ResultSet row = statement.executeQuery()) {
            return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
        }
    }

    void delete(Connection connection, long id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM graph_accounts WHERE id = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
        forget();
    }

    /** Empties the cache; the numbers are read again from the table. */
    void forget() {
        cache.clear();
    }

    /**
     * Deletes the accounts no edge refers to any more (after retention removed their edges), a range of
     * numbers per transaction.
     */
    long sweep(SqliteDatabase database) {
        long last = database.call("find the last graph account", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT MAX(id) FROM graph_accounts");
                    ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0L;
            }
        });
        long swept = 0;
        for (long from = 0; from < last; from += SqliteInteractionGraph.CHUNK) {
            long lo = from;
            swept += database.transaction("forget graph accounts without edges", connection -> {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM graph_accounts "
                        + "WHERE id > ? AND id <= ? "
                        + "AND NOT EXISTS (SELECT 1 FROM graph_edges WHERE from_id = graph_accounts.id) "
                        + "AND NOT EXISTS (SELECT 1 FROM graph_edges WHERE to_id = graph_accounts.id)")) {
                    delete.setLong(1, lo);
                    delete.setLong(2, lo + SqliteInteractionGraph.CHUNK);
                    int deleted = delete.executeUpdate();
                    if (deleted > 0) {
                        forget();
                    }
                    return (long) deleted;
                }
            });
        }
        return swept;
    }

    private record Account(Network network, String account) {}
}
