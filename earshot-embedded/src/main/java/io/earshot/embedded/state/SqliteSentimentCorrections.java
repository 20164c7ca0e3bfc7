package io.earshot.embedded.state;

import io.earshot.domain.PostKey;
import io.earshot.enrich.sentiment.SentimentLabel;
import io.earshot.ingest.SentimentCorrections;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentiment corrections in the {@code sentiment_corrections} table of {@code state.db}; a new correction of a
 * post replaces the old. Opened on its own connection to the same database (SQLite in WAL mode serves
 * several connections; the busy timeout makes writers wait their turn).
 */
public final class SqliteSentimentCorrections implements SentimentCorrections, AutoCloseable {

    private static final int CHUNK = 500;

    private final SqliteDatabase database;
    private final Clock clock;

    SqliteSentimentCorrections(SqliteDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Opens (creating when needed) {@code <dataDir>/state.db}. */
    public static SqliteSentimentCorrections open(Path dataDir, Clock clock) {
        return new SqliteSentimentCorrections(SqliteDatabase.open(dataDir), clock);
    }

    @Override
    public void close() {
        database.close();
    }

    @Override
    public void correct(PostKey key, String text, SentimentLabel label) {
        database.transaction("remember the sentiment correction of " + key.id(), connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO sentiment_corrections (post_key, text, label, corrected_at) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (post_key) DO UPDATE SET text = excluded.text, label = excluded.label, corrected_at = excluded.corrected_at")) {
                upsert.setString(1, key.id());
                upsert.setString(2, text);
                upsert.setString(3, label.id());
                upsert.setLong(4, SqliteDatabase.millis(clock.instant()));
                return upsert.executeUpdate();
            }
        });
    }

    @Override
    public Map<PostKey, SentimentLabel> corrections(Collection<PostKey> keys) {
        List<PostKey> all = List.copyOf(keys);
        Map<PostKey, SentimentLabel> found = new HashMap<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<PostKey> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            found.putAll(database.call("look up " + chunk.size() + " sentiment corrections", connection -> {
                String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT post_key, label FROM sentiment_corrections WHERE post_key IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 1, chunk.get(i).id());
                    }
                    Map<PostKey, SentimentLabel> rows = new HashMap<>();
                    try (ResultSet result = select.executeQuery()) {
                        while (result.next()) {
                            rows.put(PostKey.parse(result.getString(1)), SentimentLabel.fromId(result.getString(2)));
                        }
                    }
                    return rows;
                }
            }));
        }
        return Map.copyOf(found);
    }

    @Override
    public List<Correction> all() {
        return database.call("read the sentiment corrections", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                            "SELECT post_key, text, label FROM sentiment_corrections ORDER BY corrected_at, post_key");
                    ResultSet rows = select.executeQuery()) {
                List<Correction> corrections = new ArrayList<>();
                while (rows.next()) {
                    corrections.add(new Correction(
                            PostKey.parse(rows.getString(1)),
                            rows.getString(2),
                            SentimentLabel.fromId(rows.getString(3))));
                }
                return corrections;
            }
        });
    }
}
