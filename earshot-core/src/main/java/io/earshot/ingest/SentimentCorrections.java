package io.earshot.ingest;

import io.earshot.domain.PostKey;
import io.earshot.enrich.sentiment.SentimentLabel;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * People's corrections of the sentiment model, remembered by post: they win over the model everywhere
 * (search, counts, exports), survive a re-delivery of the post, and can be fed back into training
 * ({@code earshot train sentiment --corrections}).
 */
public interface SentimentCorrections {

    /** A corrected post: its text (for training) and the label a person gave it. */
    record Correction(PostKey key, String text, SentimentLabel label) {}

    /** Remembers (or replaces) a correction. */
    void correct(PostKey key, String text, SentimentLabel label);

    /** The corrections of those of {@code keys} that have one. */
    Map<PostKey, SentimentLabel> corrections(Collection<PostKey> keys);

    /** Every correction, oldest first. */
    List<Correction> all();
}
