package io.earshot.enrich.lang;

import java.util.Objects;

/**
 * A detected language.
 *
 * @param lang an ISO 639-1 code ({@code en}, {@code ja}, …)
 * @param confidence the share of the evidence that points to it, within 0..1
 */
public record LanguageGuess(String lang, double confidence) {
    public LanguageGuess {
        Objects.requireNonNull(lang, "lang");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1, got " + confidence);
        }
    }
}
