package io.earshot.embedded.state;

import io.earshot.domain.Network;
import io.earshot.ingest.AuthorDirectory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Handles learned from identity events, in the {@code authors} table; the latest handle wins. */
final class SqliteAuthors implements AuthorDirectory {

    private final SqliteDatabase database;

    SqliteAuthors(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public void rememberHandle(Network network, String accountId, String handle) {
        database.call("remember the handle of " + network.id() + ":" + accountId, connection -> {
            try (PreparedStatement upsert =
                    connection.prepareStatement("INSERT INTO authors (network, account_id, handle) VALUES (?, ?, ?) "
                            + "ON CONFLICT (network, account_id) DO UPDATE SET handle = excluded.handle")) {
                upsert.setString(1, network.id());
                upsert.setString(2, accountId);
                upsert.setString(3, handle);
                return upsert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<String> handle(Network network, String accountId) {
        return database.call("read the handle of " + network.id() + ":" + accountId, connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT handle FROM authors WHERE network = ? AND account_id = ?")) {
                select.setString(1, network.id());
                select.setString(2, accountId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Map<String, String> handles(Network network, Collection<String> accountIds) {
        Map<String, String> handles = new HashMap<>();
        if (accountIds.isEmpty()) {
            return handles;
        }
        return database.read("read the handles of " + accountIds.size() + " accounts", connection -> {
            for (List<String> chunk : InLists.chunks(List.copyOf(accountIds))) {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT account_id, handle FROM authors WHERE network = ? AND account_id IN ("
                                + InLists.PLACEHOLDERS + ")")) {
                    select.setString(1, network.id());
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            handles.put(rows.getString(1), rows.getString(2));
                        }
                    }
                }
            }
            return handles;
        });
    }
}
