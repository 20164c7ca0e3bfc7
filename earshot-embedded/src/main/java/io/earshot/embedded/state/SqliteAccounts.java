package io.earshot.embedded.state;

import io.earshot.account.Account;
import io.earshot.account.AccountStore;
import io.earshot.account.ApiToken;
import io.earshot.account.Role;
import io.earshot.account.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Users, sessions and API tokens in the state database (tables {@code users}, {@code sessions}, {@code api_tokens}). */
final class SqliteAccounts implements AccountStore {

    private static final String USER_COLUMNS = "id, name, role, created_at";

    private final SqliteDatabase database;
    private final Clock clock;

    SqliteAccounts(SqliteDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Account addUser(String name, Role role, String passwordHash) {
        Account.requireValidName(name);
        Instant now = clock.instant();
        return database.transaction("add user " + name, connection -> {
            if (find(connection, name).isPresent()) {
                throw new IllegalArgumentException("a user named '" + name + "' already exists");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, name);
                insert.setString(2, role.id());
                insert.setString(3, passwordHash);
                insert.setLong(4, now.toEpochMilli());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return new Account(keys.getLong(1), name, role, Instant.ofEpochMilli(now.toEpochMilli()));
                }
            }
        });
    }

    @Override
    public Optional<Account> user(String name) {
        return database.call("read user " + name, connection -> find(connection, name));
    }

    @Override
    public Optional<String> passwordHash(String name) {
        return database.call("read the password of " + name, connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT password_hash FROM users WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Account> users() {
        return database.call("list users", connection -> {
            try (PreparedStatement select =
                            connection.prepareStatement("SELECT " + USER_COLUMNS + " FROM users ORDER BY name");
                    ResultSet rows = select.executeQuery()) {
                List<Account> users = new ArrayList<>();
                while (rows.next()) {
                    users.add(account(rows, 0));
                }
                return users;
            }
        });
    }

    @Override
    public boolean removeUser(String name) {
        return update("remove user " + name, "DELETE FROM users WHERE name = ?", name);
    }

    @Override
    public boolean changePassword(String name, String passwordHash) {
        return database.transaction("change the password of " + name, connection -> {
            Optional<Account> account = find(connection, name);
            if (account.isEmpty()) {
                return false;
            }
            try (PreparedStatement change =
                    connection.prepareStatement("UPDATE users SET password_hash = ? WHERE id = ?")) {
                change.setString(1, passwordHash);
                change.setLong(2, account.get().id());
                change.executeUpdate();
            }
            try (PreparedStatement end = connection.prepareStatement("DELETE FROM sessions WHERE user_id = ?")) {
                end.setLong(1, account.get().id());
                end.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public boolean changeRole(String name, Role role) {
        return update("change the role of " + name, "UPDATE users SET role = ? WHERE name = ?", role.id(), name);
    }

    @Override
    public void startSession(String digest, long accountId, String csrfToken, Instant now, Instant expiresAt) {
        database.transaction("start a session", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sessions (digest, user_id,"
                    + " csrf_token, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, digest);
                insert.setLong(2, accountId);
                insert.setString(3, csrfToken);
                insert.setLong(4, expiresAt.toEpochMilli());
                insert.setLong(5, now.toEpochMilli());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Session> session(String digest, Instant now) {
        return database.call("read a session", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT u.id, u.name, u.role, u.created_at,"
                    + " s.csrf_token, s.expires_at, s.last_seen_at FROM sessions s JOIN users u ON u.id = s.user_id"
                    + " WHERE s.digest = ? AND s.expires_at > ?")) {
                select.setString(1, digest);
                select.setLong(2, now.toEpochMilli());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next()
                            ? Optional.of(new Session(
                                    account(rows, 0),
                                    rows.getString(5),
                                    Instant.ofEpochMilli(rows.getLong(7)),
                                    Instant.ofEpochMilli(rows.getLong(6))))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public void touchSession(String digest, Instant seenAt) {
        database.transaction("record a session's use", connection -> {
            try (PreparedStatement touch =
                    connection.prepareStatement("UPDATE sessions SET last_seen_at = ? WHERE digest = ?")) {
                touch.setLong(1, seenAt.toEpochMilli());
                touch.setString(2, digest);
                return touch.executeUpdate();
            }
        });
    }

    @Override
    public void endSession(String digest) {
        update("end a session", "DELETE FROM sessions WHERE digest = ?", digest);
    }

    @Override
    public int purgeSessions(Instant now) {
        return database.transaction("purge expired sessions", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sessions WHERE expires_at <= ?")) {
                delete.setLong(1, now.toEpochMilli());
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public ApiToken addToken(String label, Role role, String digest) {
        Instant now = Instant.ofEpochMilli(clock.millis());
        return database.transaction("add an API token", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO api_tokens (label, role, digest, created_at) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, label);
                insert.setString(2, role.id());
                insert.setString(3, digest);
                insert.setLong(4, now.toEpochMilli());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return new ApiToken(keys.getLong(1), label, role, now);
                }
            }
        });
    }

    @Override
    public Optional<ApiToken> tokenByDigest(String digest) {
        return database.call("read an API token", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, label, role, created_at FROM api_tokens WHERE digest = ?")) {
                select.setString(1, digest);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(token(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<ApiToken> tokens() {
        return database.call("list API tokens", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                            "SELECT id, label, role, created_at FROM api_tokens ORDER BY id");
                    ResultSet rows = select.executeQuery()) {
                List<ApiToken> tokens = new ArrayList<>();
                while (rows.next()) {
                    tokens.add(token(rows));
                }
                return tokens;
            }
        });
    }

    @Override
    public boolean removeToken(long id) {
        return database.transaction("revoke API token " + id, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM api_tokens WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() == 1;
            }
        });
    }

    private boolean update(String operation, String sql, String... values) {
        return database.transaction(operation, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setString(i + 1, values[i]);
                }
                return statement.executeUpdate() > 0;
            }
        });
    }

    private static Optional<Account> find(Connection connection, String name) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT " + USER_COLUMNS + " FROM users WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(account(rows, 0)) : Optional.empty();
            }
        }
    }

    private static Account account(ResultSet rows, int offset) throws SQLException {
        return new Account(
                rows.getLong(offset + 1),
                rows.getString(offset + 2),
                Role.parse(rows.getString(offset + 3)),
                Instant.ofEpochMilli(rows.getLong(offset + 4)));
    }

    private static ApiToken token(ResultSet rows) throws SQLException {
        return new ApiToken(
                rows.getLong(1),
                rows.getString(2),
                Role.parse(rows.getString(3)),
                Instant.ofEpochMilli(rows.getLong(4)));
    }
}
