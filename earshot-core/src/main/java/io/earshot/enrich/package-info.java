/**
 * Enrichment: what Earshot hears in each post — sentiment, emotion, language and entities.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * Enricher enricher = Enricher.shipped();          // loads the shipped models once (~0.2 s)
 * Enrichment e = enricher.enrich(post);            // thread-safe, no I/O
 * e.sentiment();   // Sentiment[label=NEGATIVE, score=0.93]
 * e.emotion();     // Optional[Emotion[label=ANGER, score=0.81]] — empty when the model is unsure
 * e.lang();        // "en" (the network's tag, else detected, else "und")
 * e.entities();    // hashtags, mentions, cashtags, canonical URLs, emoji
 * }</pre>
 *
 * <h2>Models</h2>
 *
 * Sentiment and emotion are linear models (multinomial logistic regression over hashed word, word-pair
 * and character n-gram features plus VADER lexicon scores) that Earshot trains itself:
 * {@link io.earshot.enrich.sentiment.SentimentTrainer} and {@link io.earshot.enrich.emotion.EmotionTrainer}
 * write a model file from a labelled TSV file, reproducibly from a seed, and report an
 * {@link io.earshot.enrich.Evaluation} (macro-recall, macro-F1, per-class figures, confusion matrix) on
 * examples kept out of training. {@link io.earshot.enrich.ShippedModels} rebuilds the models committed in
 * the resources. docs/enrichment.md has the data, the method, the measured results and the known
 * weaknesses.
 *
 * <h2>Packages</h2>
 *
 * <ul>
 *   <li>{@code sentiment}, {@code emotion}: classifiers, models and trainers per task;
 *   <li>{@code lang}: the language detector;
 *   <li>{@code entity}: entity extraction, URL canonicalisation, emoji sequences;
 *   <li>{@code text}: the social-media tokenizer, the lexicon and the features the models see;
 *   <li>{@code linear}: the model, its file format and its trainer, shared by the tasks.
 * </ul>
 */
package io.earshot.enrich;
