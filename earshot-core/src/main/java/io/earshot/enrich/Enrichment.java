package io.earshot.enrich;

import io.earshot.enrich.emotion.Emotion;
import io.earshot.enrich.entity.Entities;
import io.earshot.enrich.sentiment.Sentiment;
import java.util.Objects;
import java.util.Optional;

/**
 * What Earshot hears in a post.
 *
 * @param sentiment positive, neutral or negative, with the model's probability
 * @param emotion anger, joy, optimism or sadness, only when the model is confident enough
 * @param lang the network's language tag, else the detected language, else {@code und}
 * @param entities hashtags, mentions, cashtags, canonical URLs and emoji
 */
public record Enrichment(Sentiment sentiment, Optional<Emotion> emotion, String lang, Entities entities) {

    public Enrichment {
        Objects.requireNonNull(sentiment, "sentiment");
        Objects.requireNonNull(emotion, "emotion");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(entities, "entities");
    }
}
