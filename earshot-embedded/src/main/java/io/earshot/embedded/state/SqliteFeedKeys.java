package io.earshot.embedded.state;

import io.earshot.topic.FeedKeys;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Optional;

/** Feed keys in the state database (table {@code feed_keys}): 192 random bits, URL-safe. */
final class SqliteFeedKeys implements FeedKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SqliteDatabase database;

    SqliteFeedKeys(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<String> key(long topicId) {
        return database.call("read the feed key of topic " + topicId, connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT feed_key FROM feed_keys WHERE topic_id = ?")) {
                select.setLong(1, topicId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public String rotate(long topicId) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        database.transaction("store a feed key for topic " + topicId, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT OR REPLACE INTO feed_keys (topic_id, feed_key, created_at) VALUES (?, ?, ?)")) {
                upsert.setLong(1, topicId);
                upsert.setString(2, key);
                upsert.setLong(3, System.currentTimeMillis());
                upsert.executeUpdate();
            }
            return null;
        });
        return key;
    }

    @Override
    public boolean revoke(long topicId) {
        return database.transaction("revoke the feed key of topic " + topicId, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM feed_keys WHERE topic_id = ?")) {
                delete.setLong(1, topicId);
                return delete.executeUpdate() == 1;
            }
        });
    }
}
