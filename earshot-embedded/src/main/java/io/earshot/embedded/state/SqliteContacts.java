package io.earshot.embedded.state;

import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import io.earshot.inbox.contact.Contact;
import io.earshot.inbox.contact.ContactStatus;
import io.earshot.inbox.contact.ContactStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Contacts, their accounts, mentions, statuses, notes and won-back moments (tables {@code contacts},
 * {@code contact_*}).
 */
final class SqliteContacts implements ContactStore {

    private final SqliteDatabase database;
    private final SqliteContactHistory history;

    SqliteContacts(SqliteDatabase database) {
        this.database = database;
        this.history = new SqliteContactHistory(database);
    }

    @Override
    public Contact contactOf(Contact.Account account, Instant seenAt) {
        return database.transaction("find the contact of " + account.key(), connection -> {
            Optional<Long> owner = owner(connection, account.key());
            long id;
            if (owner.isPresent()) {
                id = owner.get();
                try (PreparedStatement update =
                        connection.prepareStatement("UPDATE contact_accounts SET handle = COALESCE(?, handle),"
                                + " display_name = COALESCE(?, display_name), followers = COALESCE(?, followers)"
                                + " WHERE account_key = ?")) {
                    bindAccount(update, 1, account);
                    update.setString(4, account.key());
                    update.executeUpdate();
                }
                try (PreparedStatement seen = connection.prepareStatement(
                        "UPDATE contacts SET last_seen = MAX(last_seen, ?), first_seen = MIN(first_seen, ?)"
                                + " WHERE id = ?")) {
                    seen.setLong(1, SqliteDatabase.millis(seenAt));
                    seen.setLong(2, SqliteDatabase.millis(seenAt));
                    seen.setLong(3, id);
                    seen.executeUpdate();
                }
            } else {
                String name = account.displayName()
                        .filter(display -> !display.isBlank())
                        .or(account::handle)
                        .orElse(account.accountId());
                id = insertContact(connection, name, seenAt);
                insertAccount(connection, id, account);
            }
            return select(connection, id).orElseThrow();
        });
    }

    private static long insertContact(Connection connection, String name, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO contacts (name, vip, status, status_since, first_seen, last_seen) VALUES (?, 0, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, name);
            insert.setString(2, ContactStatus.NEUTRAL.id());
            for (int i = 3; i <= 5; i++) {
                insert.setLong(i, SqliteDatabase.millis(at));
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertAccount(Connection connection, long contactId, Contact.Account account)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO contact_accounts (handle, display_name, followers, account_key, contact_id, network,"
                        + " account_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bindAccount(insert, 1, account);
            insert.setString(4, account.key());
            insert.setLong(5, contactId);
            insert.setString(6, account.network().id());
            insert.setString(7, account.accountId());
            insert.executeUpdate();
        }
    }

    private static void bindAccount(PreparedStatement statement, int at, Contact.Account account) throws SQLException {
        Rows.setText(statement, at, account.handle());
        Rows.setText(statement, at + 1, account.displayName());
        if (account.followers().isPresent()) {
            statement.setLong(at + 2, account.followers().getAsLong());
        } else {
            statement.setNull(at + 2, Types.INTEGER);
        }
    }

    private static Optional<Long> owner(Connection connection, String accountKey) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT contact_id FROM contact_accounts WHERE account_key = ?")) {
            select.setString(1, accountKey);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    @Override
    public Optional<Contact> get(long id) {
        return database.call("read contact " + id, connection -> select(connection, id));
    }

    @Override
    public Optional<Contact> byAccount(String accountKey) {
        return database.call("find the contact of " + accountKey, connection -> {
            Optional<Long> owner = owner(connection, accountKey);
            return owner.isPresent() ? select(connection, owner.get()) : Optional.<Contact>empty();
        });
    }

    @Override
    public List<Contact> list(
            Optional<Boolean> vip,
            Optional<ContactStatus> status,
            Optional<String> search,
            OptionalLong before,
            int limit) {
        StringBuilder sql = new StringBuilder("SELECT id FROM contacts c WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        vip.ifPresent(value -> {
            sql.append(" AND vip = ?");
            args.add(value ? 1 : 0);
        });
        status.ifPresent(value -> {
            sql.append(" AND status = ?");
            args.add(value.id());
        });
        search.ifPresent(text -> {
            sql.append(" AND (name LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM contact_accounts a WHERE"
                    + " a.contact_id = c.id AND (a.handle LIKE ? ESCAPE '\\' OR a.display_name LIKE ? ESCAPE '\\')))");
            String pattern =
                    "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            args.add(pattern);
            args.add(pattern);
            args.add(pattern);
        });
        before.ifPresent(id -> {
            sql.append(" AND id < ?");
            args.add(id);
        });
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return ids(sql.toString(), args);
    }

    @Override
    public List<Contact> withHandlePrefix(String prefix, int limit) {
        String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return ids(
                "SELECT DISTINCT contact_id FROM contact_accounts WHERE handle LIKE ? ESCAPE '\\'"
                        + " OR handle LIKE ? ESCAPE '\\' OR display_name LIKE ? ESCAPE '\\' LIMIT ?",
                List.of(pattern, "@" + pattern, pattern, limit));
    }

    private List<Contact> ids(String sql, List<Object> args) {
        return database.call("list contacts", connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    select.setObject(i + 1, args.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            List<Contact> contacts = new ArrayList<>();
            for (long id : ids) {
                select(connection, id).ifPresent(contacts::add);
            }
            return contacts;
        });
    }

    @Override
    public boolean addMention(long contactId, Mentioned mention) {
        return history.addMention(contactId, mention);
    }

    @Override
    public void forget(Collection<PostKey> posts) {
        history.forget(posts);
    }

    @Override
    public List<Mentioned> mentions(long contactId, int limit) {
        return history.mentions(contactId, limit);
    }

    @Override
    public List<Integer> brandSentiments(long contactId, Instant since, int limit) {
        return history.brandSentiments(contactId, since, limit);
    }

    @Override
    public List<Mentioned> mentionsBetween(long contactId, Instant from, Instant to) {
        return history.mentionsBetween(contactId, from, to);
    }

    @Override
    public void setStatus(long contactId, ContactStatus status, Instant at) {
        history.setStatus(contactId, status, at);
    }

    @Override
    public Optional<ContactStatus> statusAt(long contactId, Instant at) {
        return history.statusAt(contactId, at);
    }

    @Override
    public long addNote(long contactId, String author, String text, Instant at) {
        return history.addNote(contactId, author, text, at);
    }

    @Override
    public List<Note> notes(long contactId) {
        return history.notes(contactId);
    }

    @Override
    public void recordWonBack(long contactId, long caseId, PostKey post, Instant at) {
        history.recordWonBack(contactId, caseId, post, at);
    }

    @Override
    public List<WonBack> wonBackBetween(Instant from, Instant to) {
        return history.wonBackBetween(from, to);
    }

    @Override
    public void update(long contactId, Optional<String> name, Optional<Boolean> vip) {
        database.call("update contact " + contactId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE contacts SET name = COALESCE(?, name), vip = COALESCE(?, vip) WHERE id = ?")) {
                Rows.setText(update, 1, name);
                if (vip.isPresent()) {
                    update.setInt(2, vip.get() ? 1 : 0);
                } else {
                    update.setNull(2, Types.INTEGER);
                }
                update.setLong(3, contactId);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void merge(long into, long from) {
        database.transaction("merge contact " + from + " into " + into, connection -> {
            for (String table : List.of("contact_accounts", "contact_mentions", "contact_notes", "contact_statuses")) {
                execute(connection, "UPDATE " + table + " SET contact_id = ? WHERE contact_id = ?", into, from);
            }
            execute(
                    connection,
                    "UPDATE OR IGNORE contact_won_back SET contact_id = ? WHERE contact_id = ?",
                    into,
                    from);
            execute(connection, "DELETE FROM contact_won_back WHERE contact_id = ?", from);
            execute(
                    connection,
                    "UPDATE contacts SET vip = MAX(vip, (SELECT vip FROM contacts WHERE id = ?)),"
                            + " first_seen = MIN(first_seen, (SELECT first_seen FROM contacts WHERE id = ?)),"
                            + " last_seen = MAX(last_seen, (SELECT last_seen FROM contacts WHERE id = ?)),"
                            + " won_back_at = MAX(COALESCE(won_back_at, 0), COALESCE((SELECT won_back_at FROM contacts"
                            + " WHERE id = ?), 0)) WHERE id = ?",
                    from,
                    from,
                    from,
                    from,
                    into);
            execute(connection, "UPDATE contacts SET won_back_at = NULL WHERE id = ? AND won_back_at = 0", into);
            execute(connection, "DELETE FROM contacts WHERE id = ?", from);
            return null;
        });
    }

    @Override
    public Contact split(long contactId, String accountKey, Instant at) {
        return database.transaction("split " + accountKey + " out of contact " + contactId, connection -> {
            Contact contact = select(connection, contactId).orElseThrow();
            Contact.Account account = contact.accounts().stream()
                    .filter(candidate -> candidate.key().equals(accountKey))
                    .findFirst()
                    .orElseThrow();
            String name = account.displayName().or(account::handle).orElse(account.accountId());
            long id = insertContact(connection, name, at);
            execute(connection, "UPDATE contact_accounts SET contact_id = ? WHERE account_key = ?", id, accountKey);
            return select(connection, id).orElseThrow();
        });
    }

    private static void execute(Connection connection, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.executeUpdate();
        }
    }

    private static Optional<Contact> select(Connection connection, long id) throws SQLException {
        List<Contact.Account> accounts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT network, account_id, handle, display_name, followers FROM contact_accounts"
                        + " WHERE contact_id = ? ORDER BY account_key")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    accounts.add(new Contact.Account(
                            Network.fromId(rows.getString(1)),
                            rows.getString(2),
                            Rows.text(rows, "handle"),
                            Rows.text(rows, "display_name"),
                            Rows.optionalLong(rows, "followers")));
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM contacts WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Contact(
                        id,
                        rows.getString("name"),
                        rows.getInt("vip") == 1,
                        ContactStatus.fromId(rows.getString("status")),
                        Rows.instant(rows, "status_since"),
                        accounts,
                        Rows.instant(rows, "first_seen"),
                        Rows.instant(rows, "last_seen"),
                        Rows.optionalInstant(rows, "won_back_at")));
            }
        }
    }
}
