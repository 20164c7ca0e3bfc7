package io.earshot.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The social-media cases the model must get right, on the shipped model. */
class SentimentClassifierTest {

    private static final SentimentClassifier CLASSIFIER = SentimentClassifier.shipped();

    private static SentimentLabel label(String text) {
        return CLASSIFIER.classify(text).label();
    }

    private static float positive(String text) {
        return CLASSIFIER.probabilities(text)[SentimentLabel.POSITIVE.ordinal()];
    }

    private static float negative(String text) {
        return CLASSIFIER.probabilities(text)[SentimentLabel.NEGATIVE.ordinal()];
    }

    @Test
    void plainCases() {
        assertThat(label("I love this phone, best purchase ever")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("This update is terrible and the app keeps crashing")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(label("The store opens at 9am on Monday")).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void negationFlipsTheWordsInItsScope() {
        assertThat(label("this is good")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("this is not good")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(label("I do not like it")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(label("I don't like it")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(label("I never liked it")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(label("not a good day")).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void intensifiersStrengthen() {
        assertThat(positive("The movie was very good")).isGreaterThan(positive("The movie was good"));
        assertThat(negative("The movie was very bad")).isGreaterThan(negative("The movie was bad"));
    }

    @Test
    void capitalsStrengthen() {
        assertThat(negative("I am ANGRY")).isGreaterThan(negative("I am angry"));
        assertThat(negative("this is TERRIBLE")).isGreaterThan(negative("this is terrible"));
    }

    @Test
    void elongationReadsAsTheWord() {
        assertThat(label("it was goooooood")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(CLASSIFIER.classify("it was goooooood")).isEqualTo(CLASSIFIER.classify("it was goood"));
        assertThat(label("loooove it")).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void emojiAndEmoticonsCarrySentiment() {
        assertThat(label("Today :)")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("Today :(")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(label("Today 😊")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("Today 😢")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(label("great:)")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("sad:(")).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void theClauseAfterButWeighsMore() {
        assertThat(negative("The food was great but the service was terrible"))
                .isGreaterThan(negative("The service was terrible but the food was great"));
        assertThat(positive("It looked bad but it tasted amazing"))
                .isGreaterThan(positive("It tasted amazing but it looked bad"));
        assertThat(label("It looked bad but it tasted amazing")).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void userNamesAndUrlsDoNotChangeTheAnswer() {
        Sentiment plain = CLASSIFIER.classify("I love this");
        assertThat(CLASSIFIER.classify("@alice I love this")).isEqualTo(CLASSIFIER.classify("@bob_99 I love this"));
        assertThat(CLASSIFIER.classify("I love this https://t.co/abc")).isEqualTo(plain);
        assertThat(CLASSIFIER.classify("I love this http://example.com/x?y=1")).isEqualTo(plain);
    }

    @Test
    void hashtagsCountAsTheirWords() {
        assertThat(label("new job #blessed")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("stuck at the airport again #fail")).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void probabilitiesAreAProperDistribution() {
        float[] probabilities = CLASSIFIER.probabilities("whatever");
        assertThat(probabilities).hasSize(3);
        assertThat(probabilities[0] + probabilities[1] + probabilities[2])
                .isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        Sentiment sentiment = CLASSIFIER.classify("whatever");
        assertThat(sentiment.score()).isBetween(1 / 3.0, 1.0);
    }

    @Test
    void hostileInputNeverThrows() {
        String megabyte = "bad ".repeat(262_144);
        for (String text : new String[] {
            "",
            " ",
            "\u0000\u0007\u001b[31m",
            "\uD800\uDC00\uD800",
            "\uDFFF",
            megabyte,
            "!!!???...",
            "😂".repeat(10_000)
        }) {
            Sentiment sentiment = CLASSIFIER.classify(text);
            assertThat(sentiment.score()).isBetween(0.0, 1.0);
        }
    }
}
