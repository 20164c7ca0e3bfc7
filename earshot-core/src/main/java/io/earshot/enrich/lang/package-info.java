/**
 * Language of a post: the network's own tag when it has one (Bluesky {@code langs}, Mastodon
 * {@code language}), else a small detector.
 *
 * <pre>{@code
 * LanguageDetector detector = LanguageDetector.shipped();
 * detector.language(post);                       // "pt" from the post's tag "pt-BR", or detected, or "und"
 * detector.detect("Ik weet niet wat je bedoelt"); // Optional[LanguageGuess[lang=nl, confidence=0.81]]
 * detector.detect("lol");                         // Optional.empty(): too little to go on
 * }</pre>
 *
 * <p>The detector reads the writing system first (kana, Hangul, Han, Cyrillic, Arabic, Greek, Hebrew, Thai,
 * Indic scripts …) and, for Latin script, hand-written function-word and letter profiles of 18 languages.
 * It is a few kilobytes of code and data and needs no model file; docs/enrichment.md has its measured
 * accuracy and its limits (very short posts, closely related languages such as Danish and Norwegian).
 */
package io.earshot.enrich.lang;
