package io.earshot.enrich.text;

/** What a {@link Token} is: the tokenizer tells social-media markup apart from words. */
public enum TokenType {
    WORD,
    NUMBER,
    HASHTAG,
    MENTION,
    CASHTAG,
    URL,
    EMOJI,
    EMOTICON,
    PUNCTUATION
}
