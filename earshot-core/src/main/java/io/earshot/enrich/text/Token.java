package io.earshot.enrich.text;

import java.util.Objects;

/**
 * One token of a post.
 *
 * @param type what it is
 * @param raw the text as written
 * @param norm the form models see: words lower-cased with letters repeated more than twice cut to two
 *     ({@code Soooo} → {@code soo}), {@code @user} for every mention, hashtags without {@code #}, runs of
 *     {@code !}/{@code ?} as one mark
 * @param allCaps a word of two or more letters written in capitals ({@code GREAT})
 * @param elongated a word with a letter repeated three or more times
 */
public record Token(TokenType type, String raw, String norm, boolean allCaps, boolean elongated) {

    public Token {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(norm, "norm");
    }

    static Token of(TokenType type, String raw, String norm) {
        return new Token(type, raw, norm, false, false);
    }
}
