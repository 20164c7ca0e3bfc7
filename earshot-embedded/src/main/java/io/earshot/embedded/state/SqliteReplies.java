package io.earshot.embedded.state;

import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import io.earshot.inbox.CaseStatus;
import io.earshot.inbox.reply.ConnectedAccount;
import io.earshot.inbox.reply.Reply;
import io.earshot.inbox.reply.ReplyStore;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Connected accounts and replies (tables {@code inbox_accounts}, {@code inbox_replies}). */
final class SqliteReplies implements ReplyStore {

    private static final String ACCOUNT_COLUMNS = "id, network, account_id, handle, server, connected_by, connected_at";

    private final SqliteDatabase database;

    SqliteReplies(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public ConnectedAccount addAccount(ConnectedAccount draft, String sealedCredentials) {
        return database.transaction("connect account " + draft.handle(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO inbox_accounts (network, account_id, handle, server, connected_by, connected_at,"
                            + " credentials) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, draft.network().id());
                insert.setString(2, draft.accountId());
                insert.setString(3, draft.handle());
                insert.setString(4, draft.server().toString());
                insert.setString(5, draft.connectedBy());
                insert.setLong(6, SqliteDatabase.millis(draft.connectedAt()));
                insert.setString(7, sealedCredentials);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return account(connection, keys.getLong(1)).orElseThrow();
                }
            }
        });
    }

    @Override
    public List<ConnectedAccount> accounts() {
        return database.call("read connected accounts", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                            "SELECT " + ACCOUNT_COLUMNS + " FROM inbox_accounts ORDER BY id");
                    ResultSet rows = select.executeQuery()) {
                List<ConnectedAccount> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(account(rows));
                }
                return found;
            }
        });
    }

    @Override
    public Optional<ConnectedAccount> account(long id) {
        return database.call("read connected account " + id, connection -> account(connection, id));
    }

    @Override
    public Optional<String> sealedCredentials(long accountId) {
        return database.call("read the credentials of account " + accountId, connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT credentials FROM inbox_accounts WHERE id = ?")) {
                select.setLong(1, accountId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public boolean removeAccount(long id) {
        return database.call("remove connected account " + id, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM inbox_accounts WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Recorded record(Reply draft) {
        return database.transaction("record a reply to case " + draft.caseId(), connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT * FROM inbox_replies WHERE case_id = ? AND request_key = ?")) {
                select.setLong(1, draft.caseId());
                select.setString(2, draft.requestKey());
                List<Reply> known = readReplies(select);
                if (!known.isEmpty()) {
                    return new Recorded(known.getFirst(), false);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO inbox_replies (case_id, account_id, text, in_reply_to, request_key, network_key, state,"
                            + " requested_by, reviewed_by, uri, url, error, attempts, then_status, requested_at,"
                            + " sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, draft.caseId());
                insert.setLong(2, draft.accountId());
                insert.setString(3, draft.text());
                insert.setString(4, draft.inReplyTo().id());
                insert.setString(5, draft.requestKey());
                insert.setString(6, draft.networkKey());
                insert.setString(7, draft.state().id());
                insert.setString(8, draft.requestedBy());
                Rows.setText(insert, 9, draft.reviewedBy());
                Rows.setText(insert, 10, draft.uri());
                Rows.setText(insert, 11, draft.url());
                Rows.setText(insert, 12, draft.error());
                insert.setInt(13, draft.attempts());
                insert.setString(14, draft.then().id());
                insert.setLong(15, SqliteDatabase.millis(draft.requestedAt()));
                Rows.setInstant(insert, 16, draft.sentAt());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return new Recorded(reply(connection, keys.getLong(1)).orElseThrow(), true);
                }
            }
        });
    }

    @Override
    public void update(Reply reply) {
        database.call("update reply " + reply.id(), connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE inbox_replies SET state = ?, reviewed_by = ?, uri = ?, url = ?, error = ?, attempts = ?,"
                            + " sent_at = ? WHERE id = ?")) {
                update.setString(1, reply.state().id());
                Rows.setText(update, 2, reply.reviewedBy());
                Rows.setText(update, 3, reply.uri());
                Rows.setText(update, 4, reply.url());
                Rows.setText(update, 5, reply.error());
                update.setInt(6, reply.attempts());
                Rows.setInstant(update, 7, reply.sentAt());
                update.setLong(8, reply.id());
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Reply> reply(long id) {
        return database.call("read reply " + id, connection -> reply(connection, id));
    }

    @Override
    public List<Reply> replies(long caseId) {
        return database.call("read the replies of case " + caseId, connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT * FROM inbox_replies WHERE case_id = ? ORDER BY id")) {
                select.setLong(1, caseId);
                return readReplies(select);
            }
        });
    }

    @Override
    public List<Reply> sentBetween(Instant from, Instant to) {
        return database.call("read sent replies", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM inbox_replies WHERE state = 'sent' AND sent_at >= ? AND sent_at < ?"
                            + " ORDER BY sent_at, id")) {
                select.setLong(1, SqliteDatabase.millis(from));
                select.setLong(2, SqliteDatabase.millis(to));
                return readReplies(select);
            }
        });
    }

    private static Optional<Reply> reply(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM inbox_replies WHERE id = ?")) {
            select.setLong(1, id);
            return readReplies(select).stream().findFirst();
        }
    }

    private static List<Reply> readReplies(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            List<Reply> found = new ArrayList<>();
            while (rows.next()) {
                found.add(new Reply(
                        rows.getLong("id"),
                        rows.getLong("case_id"),
                        rows.getLong("account_id"),
                        rows.getString("text"),
                        PostKey.parse(rows.getString("in_reply_to")),
                        rows.getString("request_key"),
                        rows.getString("network_key"),
                        Reply.State.fromId(rows.getString("state")),
                        rows.getString("requested_by"),
                        Rows.text(rows, "reviewed_by"),
                        Rows.text(rows, "uri"),
                        Rows.text(rows, "url"),
                        Rows.text(rows, "error"),
                        rows.getInt("attempts"),
                        CaseStatus.fromId(rows.getString("then_status")),
                        Rows.instant(rows, "requested_at"),
                        Rows.optionalInstant(rows, "sent_at")));
            }
            return found;
        }
    }

    private static Optional<ConnectedAccount> account(Connection connection, long id) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT " + ACCOUNT_COLUMNS + " FROM inbox_accounts WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(account(rows)) : Optional.empty();
            }
        }
    }

    private static ConnectedAccount account(ResultSet rows) throws SQLException {
        return new ConnectedAccount(
                rows.getLong("id"),
                Network.fromId(rows.getString("network")),
                rows.getString("account_id"),
                rows.getString("handle"),
                URI.create(rows.getString("server")),
                rows.getString("connected_by"),
                Rows.instant(rows, "connected_at"));
    }
}
