/**
 * Social-media text as models see it.
 *
 * <p>{@link io.earshot.enrich.text.Tokenizer} splits a post into words, numbers, hashtags, mentions,
 * cashtags, URLs, emoji sequences, emoticons and tone punctuation, in one pass that never throws.
 * {@link io.earshot.enrich.text.TextFeatures} turns tokens into the hashed sparse features and the dense
 * lexicon scores of a linear model, with negation scope, elongation, capitals and "but" clauses handled;
 * its {@link io.earshot.enrich.text.FeatureSpec} is saved in every model so that training and run time
 * always agree. {@link io.earshot.enrich.text.Lexicon} is the VADER lexicon (MIT, notice in
 * {@code VADER-LICENSE.txt} beside it).
 *
 * <pre>{@code
 * Tokenizer.shipped().tokenize("SOOOO good!!! @bob #blessed :)");
 * // WORD "soo" (caps, elongated), WORD "good", PUNCTUATION "!", MENTION "@user", HASHTAG "blessed", EMOTICON ":)"
 * }</pre>
 */
package io.earshot.enrich.text;
