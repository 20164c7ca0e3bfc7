/**
 * Emotion — anger, joy, optimism or sadness (TweetEval's four) — with a probability.
 *
 * <pre>{@code
 * EmotionClassifier emotions = EmotionClassifier.shipped();
 * emotions.classify("ugh, stuck in traffic again");  // always one of the four: Emotion[label=ANGER, score=0.7]
 * emotions.detect("The meeting is at 5pm");            // Optional.empty(): below the confidence threshold
 * }</pre>
 *
 * <p>{@link io.earshot.enrich.emotion.EmotionClassifier#detect} is what mentions carry: most posts express
 * none of the four emotions, so an emotion is reported only at or above the threshold (default
 * {@value io.earshot.enrich.emotion.EmotionClassifier#DEFAULT_THRESHOLD}). The shipped model was trained
 * on TweetEval's 3,257 training tweets and scores 0.686 macro-F1 on its 374 validation tweets.
 */
package io.earshot.enrich.emotion;
