package io.earshot.enrich;

import io.earshot.domain.Post;
import io.earshot.enrich.emotion.EmotionClassifier;
import io.earshot.enrich.entity.EntityExtractor;
import io.earshot.enrich.lang.LanguageDetector;
import io.earshot.enrich.sentiment.SentimentClassifier;
import io.earshot.enrich.text.Token;
import io.earshot.enrich.text.Tokenizer;
import java.util.List;
import java.util.Objects;

/**
 * Enriches posts: sentiment, emotion, language and entities in one call. A pure function of the post,
 * thread-safe, with no I/O after construction: build one at start-up (loading the models takes a fraction
 * of a second) and call it from any number of threads.
 *
 * <pre>{@code
 * Enricher enricher = Enricher.shipped();
 * Enrichment e = enricher.enrich(post);
 * e.sentiment().label();   // NEGATIVE
 * e.emotion();             // Optional[Emotion[label=ANGER, score=0.83]]
 * e.lang();                // "en"
 * e.entities().hashtags(); // [fail]
 * }</pre>
 *
 * <p>The models read the post's text (its first 2,000 characters; feed items add their title); the
 * language comes from the network's tag when the post has one. All the parts share one tokenization by
 * {@link Tokenizer#shipped()}, which the classifiers and the detector were built on.
 */
public final class Enricher {

    private final SentimentClassifier sentiment;
    private final EmotionClassifier emotion;
    private final LanguageDetector languages;
    private final EntityExtractor entities;
    private final Tokenizer tokenizer = Tokenizer.shipped();

    public Enricher(
            SentimentClassifier sentiment,
            EmotionClassifier emotion,
            LanguageDetector languages,
            EntityExtractor entities) {
        this.sentiment = Objects.requireNonNull(sentiment, "sentiment");
        this.emotion = Objects.requireNonNull(emotion, "emotion");
        this.languages = Objects.requireNonNull(languages, "languages");
        this.entities = Objects.requireNonNull(entities, "entities");
    }

    /** An enricher with the models that ship with Earshot. */
    public static Enricher shipped() {
        return new Enricher(
                SentimentClassifier.shipped(),
                EmotionClassifier.shipped(),
                LanguageDetector.shipped(),
                EntityExtractor.shipped());
    }

    public Enrichment enrich(Post post) {
        // One tokenization serves every model: the models read the title and the start of the text.
        String text = post.title().map(title -> title + "\n" + post.text()).orElse(post.text());
        int read = Math.max(sentiment.maxChars(), emotion.maxChars());
        List<Token> tokens = tokenizer.tokenize(text, read);
        List<Token> bodyTokens =
                post.title().isEmpty() && text.length() <= read ? tokens : tokenizer.tokenize(post.text());
        return new Enrichment(
                sentiment.classify(tokens),
                emotion.detect(tokens),
                languages.language(post, bodyTokens),
                entities.extract(post, bodyTokens));
    }
}
