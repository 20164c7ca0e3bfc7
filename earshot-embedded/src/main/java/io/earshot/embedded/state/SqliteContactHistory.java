package io.earshot.embedded.state;

import io.earshot.domain.PostKey;
import io.earshot.inbox.contact.ContactStatus;
import io.earshot.inbox.contact.ContactStore.Mentioned;
import io.earshot.inbox.contact.ContactStore.Note;
import io.earshot.inbox.contact.ContactStore.WonBack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What is remembered of a contact over time: mentions, status changes, notes, won-back moments. */
final class SqliteContactHistory {

    private final SqliteDatabase database;

    SqliteContactHistory(SqliteDatabase database) {
        this.database = database;
    }

    void forget(Collection<PostKey> posts) {
        database.transaction("forget deleted posts of contacts", connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM contact_mentions WHERE post_key = ?")) {
                for (PostKey post : posts) {
                    delete.setString(1, post.id());
                    delete.executeUpdate();
                }
            }
            return null;
        });
    }

    public boolean addMention(long contactId, Mentioned mention) {
        return database.call("remember a mention of contact " + contactId, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO contact_mentions (post_key, contact_id, at, sentiment, text, about_brand)"
                            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (post_key) DO UPDATE SET"
                            + " sentiment = excluded.sentiment, text = excluded.text,"
                            + " about_brand = excluded.about_brand")) {
                upsert.setString(1, mention.post().id());
                upsert.setLong(2, contactId);
                upsert.setLong(3, SqliteDatabase.millis(mention.at()));
                upsert.setInt(4, mention.sentiment());
                upsert.setString(5, mention.text());
                upsert.setInt(6, mention.aboutBrand() ? 1 : 0);
                // SQLite counts an upsert's update as a change too: tell new from known by the row's rowid age
                int before = count(connection, mention.post());
                upsert.executeUpdate();
                return before == 0;
            }
        });
    }

    private static int count(Connection connection, PostKey post) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT COUNT(*) FROM contact_mentions WHERE post_key = ?")) {
            select.setString(1, post.id());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    public List<Mentioned> mentions(long contactId, int limit) {
        return mentions(
                "SELECT post_key, at, sentiment, text, about_brand FROM contact_mentions WHERE contact_id = ?"
                        + " ORDER BY at DESC LIMIT ?",
                contactId,
                limit);
    }

    /** Walks the (contact_id, at) index from the newest row; reads no text. */
    public List<Integer> brandSentiments(long contactId, Instant since, int limit) {
        return database.call("read a contact's sentiments", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT sentiment FROM contact_mentions WHERE contact_id = ? AND at >= ? AND about_brand = 1"
                            + " ORDER BY at DESC LIMIT ?")) {
                select.setLong(1, contactId);
                select.setLong(2, SqliteDatabase.millis(since));
                select.setInt(3, limit);
                try (ResultSet rows = select.executeQuery()) {
                    List<Integer> sentiments = new ArrayList<>();
                    while (rows.next()) {
                        sentiments.add(rows.getInt(1));
                    }
                    return sentiments;
                }
            }
        });
    }

    public List<Mentioned> mentionsBetween(long contactId, Instant from, Instant to) {
        return mentions(
                "SELECT post_key, at, sentiment, text, about_brand FROM contact_mentions WHERE contact_id = ?"
                        + " AND at >= ? AND at < ? ORDER BY at",
                contactId,
                SqliteDatabase.millis(from),
                SqliteDatabase.millis(to));
    }

    private List<Mentioned> mentions(String sql, Object... args) {
        return database.call("read a contact's mentions", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    select.setObject(i + 1, args[i]);
                }
                try (ResultSet rows = select.executeQuery()) {
                    List<Mentioned> found = new ArrayList<>();
                    while (rows.next()) {
                        found.add(new Mentioned(
                                PostKey.parse(rows.getString(1)),
                                Instant.ofEpochMilli(rows.getLong(2)),
                                rows.getInt(3),
                                rows.getString(4),
                                rows.getInt(5) != 0));
                    }
                    return found;
                }
            }
        });
    }

    public void setStatus(long contactId, ContactStatus status, Instant at) {
        database.transaction("set the status of contact " + contactId, connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE contacts SET status = ?, status_since = ? WHERE id = ?")) {
                update.setString(1, status.id());
                update.setLong(2, SqliteDatabase.millis(at));
                update.setLong(3, contactId);
                update.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO contact_statuses (contact_id, at, status) VALUES (?, ?, ?)")) {
                insert.setLong(1, contactId);
                insert.setLong(2, SqliteDatabase.millis(at));
                insert.setString(3, status.id());
                insert.executeUpdate();
            }
            return null;
        });
    }

    public Optional<ContactStatus> statusAt(long contactId, Instant at) {
        return database.call("read the status of contact " + contactId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT status FROM contact_statuses WHERE contact_id = ? AND at <= ? ORDER BY at DESC, rowid DESC"
                            + " LIMIT 1")) {
                select.setLong(1, contactId);
                select.setLong(2, SqliteDatabase.millis(at));
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        return Optional.of(ContactStatus.fromId(rows.getString(1)));
                    }
                }
            }
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT first_seen FROM contacts WHERE id = ?")) {
                select.setLong(1, contactId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() && rows.getLong(1) <= SqliteDatabase.millis(at)
                            ? Optional.of(ContactStatus.NEUTRAL)
                            : Optional.<ContactStatus>empty();
                }
            }
        });
    }

    public long addNote(long contactId, String author, String text, Instant at) {
        return database.call("add a note to contact " + contactId, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO contact_notes (contact_id, author, text, at) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, contactId);
                insert.setString(2, author);
                insert.setString(3, text);
                insert.setLong(4, SqliteDatabase.millis(at));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    public List<Note> notes(long contactId) {
        return database.call("read the notes of contact " + contactId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, author, text, at FROM contact_notes WHERE contact_id = ? ORDER BY id")) {
                select.setLong(1, contactId);
                try (ResultSet rows = select.executeQuery()) {
                    List<Note> notes = new ArrayList<>();
                    while (rows.next()) {
                        notes.add(new Note(
                                rows.getLong(1),
                                contactId,
                                rows.getString(2),
                                rows.getString(3),
                                Instant.ofEpochMilli(rows.getLong(4))));
                    }
                    return notes;
                }
            }
        });
    }

    public void recordWonBack(long contactId, long caseId, PostKey post, Instant at) {
        database.transaction("record contact " + contactId + " won back", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR IGNORE INTO contact_won_back (contact_id, case_id, post_key, at) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, contactId);
                insert.setLong(2, caseId);
                insert.setString(3, post.id());
                insert.setLong(4, SqliteDatabase.millis(at));
                insert.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE contacts SET won_back_at = MAX(COALESCE(won_back_at, 0), ?) WHERE id = ?")) {
                update.setLong(1, SqliteDatabase.millis(at));
                update.setLong(2, contactId);
                update.executeUpdate();
            }
            return null;
        });
    }

    public List<WonBack> wonBackBetween(Instant from, Instant to) {
        return database.call("read won-back moments", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT contact_id, case_id, post_key, at FROM contact_won_back WHERE at >= ? AND at < ?"
                            + " ORDER BY at")) {
                select.setLong(1, SqliteDatabase.millis(from));
                select.setLong(2, SqliteDatabase.millis(to));
                try (ResultSet rows = select.executeQuery()) {
                    List<WonBack> found = new ArrayList<>();
                    while (rows.next()) {
                        found.add(new WonBack(
                                rows.getLong(1),
                                rows.getLong(2),
                                PostKey.parse(rows.getString(3)),
                                Instant.ofEpochMilli(rows.getLong(4))));
                    }
                    return found;
                }
            }
        });
    }
}
