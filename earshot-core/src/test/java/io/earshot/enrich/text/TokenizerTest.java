package io.earshot.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private final Tokenizer tokenizer = Tokenizer.shipped();

    private List<Token> tokens(String text) {
        return tokenizer.tokenize(text);
    }

    @Test
    void tellsSocialMarkupFromWords() {
        assertThat(tokens("Hey @alice.bsky.social, #NeverAgain $TSLA https://example.com/a?b=1."))
                .extracting(Token::type, Token::raw, Token::norm)
                .containsExactly(
                        tuple(TokenType.WORD, "Hey", "hey"),
                        tuple(TokenType.MENTION, "@alice.bsky.social", "@user"),
                        tuple(TokenType.PUNCTUATION, ",", ","),
                        tuple(TokenType.HASHTAG, "#NeverAgain", "neveragain"),
                        tuple(TokenType.CASHTAG, "$TSLA", "$TSLA"),
                        tuple(TokenType.URL, "https://example.com/a?b=1", ""),
                        tuple(TokenType.PUNCTUATION, ".", "."));
    }

    @Test
    void mastodonMentionsKeepTheirInstanceAndEmailsAreNotMentions() {
        assertThat(tokens("@bob@mastodon.social hi"))
                .first()
                .extracting(Token::raw)
                .isEqualTo("@bob@mastodon.social");
        assertThat(tokens("mail bob@example.com")).extracting(Token::type).doesNotContain(TokenType.MENTION);
    }

    @Test
    void cashtagsNeedLettersAndAShortSymbol() {
        assertThat(tokens("$BRK.B up, $5 down, $TOOLONGX no"))
                .filteredOn(token -> token.type() == TokenType.CASHTAG)
                .extracting(Token::norm)
                .containsExactly("$BRK.B");
    }

    @Test
    void urlsLeaveTrailingPunctuationAndUnbalancedBracketsOutside() {
        assertThat(tokens("(see https://en.wikipedia.org/wiki/Foo_(bar)). www.example.com!"))
                .filteredOn(token -> token.type() == TokenType.URL)
                .extracting(Token::raw)
                .containsExactly("https://en.wikipedia.org/wiki/Foo_(bar)", "www.example.com");
    }

    @Test
    void elongationIsCutToTwoLettersAndFlagged() {
        Token token = tokens("Soooooo").get(0);
        assertThat(token.norm()).isEqualTo("soo");
        assertThat(token.elongated()).isTrue();
        assertThat(tokens("good").get(0).elongated()).isFalse();
        assertThat(tokens("1000000").get(0).norm()).isEqualTo("1000000");
    }

    @Test
    void capitalsAreFlaggedOnlyForWordsOfTwoLettersOrMore() {
        assertThat(tokens("GREAT I Great")).extracting(Token::allCaps).containsExactly(true, false, false);
    }

    @Test
    void apostrophesStayInsideWords() {
        assertThat(tokens("don’t can't 'quoted'")).extracting(Token::norm).containsExactly("don't", "can't", "quoted");
    }

    @Test
    void emoticonsAloneOrGluedToAWord() {
        assertThat(tokens("great:) so sad :'( <3 xD :-D"))
                .filteredOn(token -> token.type() == TokenType.EMOTICON)
                .extracting(Token::norm)
                .containsExactly(":)", ":'(", "<3", "xd", ":d");
        assertThat(tokens("at 10:30 (really)")).extracting(Token::type).doesNotContain(TokenType.EMOTICON);
    }

    @Test
    void emojiSequencesAreOneTokenWithTheSkinToneRemovedFromTheNorm() {
        assertThat(tokens("ok👍🏽👩‍👩‍👧"))
                .extracting(Token::type, Token::raw, Token::norm)
                .containsExactly(
                        tuple(TokenType.WORD, "ok", "ok"),
                        tuple(TokenType.EMOJI, "👍🏽", "👍"),
                        tuple(TokenType.EMOJI, "👩‍👩‍👧", "👩‍👩‍👧"));
    }

    @Test
    void toneMarksAreGrouped() {
        assertThat(tokens("what?!?! wow!!!"))
                .filteredOn(token -> token.type() == TokenType.PUNCTUATION)
                .extracting(Token::norm, Token::raw)
                .containsExactly(tuple("?!", "?!?!"), tuple("!", "!!!"));
    }

    @Test
    void hashtagsSplitIntoTheirWords() {
        assertThat(TextFeatures.hashtagWords("#NeverAgain")).containsExactly("never", "again");
        assertThat(TextFeatures.hashtagWords("#blessed")).containsExactly("blessed");
        assertThat(TextFeatures.hashtagWords("#covid_19")).containsExactly("covid", "19");
        assertThat(TextFeatures.hashtagWords("#iPhone15")).containsExactly("i", "phone", "15");
    }

    @Test
    void hostileInputNeverThrows() {
        assertThat(tokens("")).isEmpty();
        assertThat(tokens("\u0000\u0001\u001f\u007f\t\r\n")).isEmpty();
        assertThat(tokens("\uD800 lone \uDC00 surrogates \uD83D"))
                .extracting(Token::norm)
                .containsExactly("lone", "surrogates");
        assertThat(tokens("@ # $ http:// www. :")).isNotNull();
        String huge = "word ".repeat(200_000);
        assertThat(tokenizer.tokenize(huge, 2_000)).hasSize(400);
        assertThat(tokens(huge)).hasSize(200_000);
    }
}
