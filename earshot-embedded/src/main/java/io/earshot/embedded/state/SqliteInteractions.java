package io.earshot.embedded.state;

import io.earshot.domain.Engagement;
import io.earshot.domain.Interaction;
import io.earshot.domain.InteractionKey;
import io.earshot.domain.InteractionKind;
import io.earshot.domain.PostKey;
import io.earshot.ingest.InteractionLedger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counted interactions in the {@code interactions} table, keyed by {@link InteractionKey#id()}. A replayed
 * interaction hits the primary key and is ignored, which is what keeps engagement counts exact.
 */
final class SqliteInteractions implements InteractionLedger {

    private final SqliteDatabase database;

    SqliteInteractions(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public boolean record(Interaction interaction) {
        return database.call("record interaction " + interaction.key().id(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR IGNORE INTO interactions (key, kind, actor_id, subject_account_id, subject_post_key, at) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, interaction.key().id());
                insert.setString(2, interaction.kind().name());
                insert.setString(3, interaction.actorId());
                insert.setString(4, interaction.subjectAccountId());
                if (interaction.subjectPost().isPresent()) {
                    insert.setString(5, interaction.subjectPost().get().id());
                } else {
                    insert.setNull(5, Types.VARCHAR);
                }
                insert.setLong(6, SqliteDatabase.millis(interaction.at()));
                return insert.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<Interaction> remove(InteractionKey key) {
        // read and delete under the database lock: two undos of the same record cannot both return it
        return database.call("remove interaction " + key.id(), connection -> {
            Optional<Interaction> found;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT kind, actor_id, subject_account_id, subject_post_key, at FROM interactions WHERE key = ?")) {
                select.setString(1, key.id());
                try (ResultSet row = select.executeQuery()) {
                    found = row.next() ? Optional.of(interaction(key, row)) : Optional.empty();
                }
            }
            if (found.isPresent()) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM interactions WHERE key = ?")) {
                    delete.setString(1, key.id());
                    delete.executeUpdate();
                }
            }
            return found;
        });
    }

    @Override
    public Engagement engagementOf(PostKey post) {
        return database.call("count the engagement of " + post.id(), connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT kind, COUNT(*) FROM interactions WHERE subject_post_key = ? GROUP BY kind")) {
                select.setString(1, post.id());
                Engagement engagement = Engagement.NONE;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        engagement = add(engagement, InteractionKind.valueOf(rows.getString(1)), rows.getLong(2));
                    }
                }
                return engagement;
            }
        });
    }

    @Override
    public Map<PostKey, Engagement> engagementOf(Collection<PostKey> posts) {
        Map<PostKey, Engagement> engagements = new HashMap<>();
        if (posts.isEmpty()) {
            return engagements;
        }
        Map<String, PostKey> byId = new HashMap<>();
        posts.forEach(post -> byId.put(post.id(), post));
        List<String> keys = List.copyOf(byId.keySet());
        return database.read("count the engagement of " + keys.size() + " posts", connection -> {
            for (List<String> chunk : InLists.chunks(keys)) {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT subject_post_key, kind, COUNT(*) FROM interactions WHERE subject_post_key IN ("
                                + InLists.PLACEHOLDERS + ") GROUP BY subject_post_key, kind")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            InteractionKind kind = InteractionKind.valueOf(rows.getString(2));
                            long count = rows.getLong(3);
                            engagements.merge(
                                    byId.get(rows.getString(1)),
                                    add(Engagement.NONE, kind, count),
                                    (known, more) -> add(known, kind, count));
                        }
                    }
                }
            }
            return engagements;
        });
    }

    @Override
    public void forgetSubject(PostKey post) {
        database.call("forget the interactions with " + post.id(), connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM interactions WHERE subject_post_key = ?")) {
                delete.setString(1, post.id());
                return delete.executeUpdate();
            }
        });
    }

    private static Engagement add(Engagement engagement, InteractionKind kind, long count) {
        return switch (kind) {
            case LIKE -> new Engagement(count, engagement.reposts(), engagement.replies(), engagement.quotes());
            case REPOST -> new Engagement(engagement.likes(), count, engagement.replies(), engagement.quotes());
            case REPLY -> new Engagement(engagement.likes(), engagement.reposts(), count, engagement.quotes());
            case QUOTE -> new Engagement(engagement.likes(), engagement.reposts(), engagement.replies(), count);
            case MENTION, FOLLOW, BLOCK -> engagement;
        };
    }

    private static Interaction interaction(InteractionKey key, ResultSet row) throws SQLException {
        String subjectPost = row.getString("subject_post_key");
        return new Interaction(
                key,
                InteractionKind.valueOf(row.getString("kind")),
                row.getString("actor_id"),
                row.getString("subject_account_id"),
                subjectPost == null ? Optional.empty() : Optional.of(PostKey.parse(subjectPost)),
                Instant.ofEpochMilli(row.getLong("at")));
    }
}
