package io.earshot.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.Post;
import io.earshot.enrich.emotion.EmotionLabel;
import io.earshot.enrich.sentiment.SentimentLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EnricherTest {

    private static final Enricher ENRICHER = Enricher.shipped();

    @Test
    void enrichesEveryPart() {
        Post post = TestPosts.builder()
                .text(
                        "@acme your app crashed AGAIN, I am so angry and furious right now #fail $ACME https://www.acme.com/status?utm_source=x 😡")
                .build();
        Enrichment enrichment = ENRICHER.enrich(post);
        assertThat(enrichment.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(enrichment.emotion()).get().extracting(e -> e.label()).isEqualTo(EmotionLabel.ANGER);
        assertThat(enrichment.lang()).isEqualTo("en");
        assertThat(enrichment.entities().hashtags()).containsExactly("fail");
        assertThat(enrichment.entities().mentions()).containsExactly("acme");
        assertThat(enrichment.entities().cashtags()).containsExactly("$ACME");
        assertThat(enrichment.entities().urls()).containsExactly("acme.com/status");
        assertThat(enrichment.entities().emoji()).containsExactly("😡");
    }

    @Test
    void oneSharedTokenizationAnswersLikeEachPartAlone() {
        var sentiment = io.earshot.enrich.sentiment.SentimentClassifier.shipped();
        var emotion = io.earshot.enrich.emotion.EmotionClassifier.shipped();
        var languages = io.earshot.enrich.lang.LanguageDetector.shipped();
        var entities = io.earshot.enrich.entity.EntityExtractor.shipped();
        for (String text : List.of(
                "so happy today!!! 😍 #blessed @mom https://example.com/?utm_source=x",
                "Ich habe das nicht gewusst, aber es ist schon spät",
                "the worst service, never again :(",
                "x".repeat(3_000) + " #late $LATE https://late.example/")) {
            Post post = TestPosts.text(text);
            Enrichment enrichment = ENRICHER.enrich(post);
            assertThat(enrichment.sentiment()).isEqualTo(sentiment.classify(text));
            assertThat(enrichment.emotion()).isEqualTo(emotion.detect(text));
            assertThat(enrichment.lang()).isEqualTo(languages.language(post));
            assertThat(enrichment.entities()).isEqualTo(entities.extract(post));
        }
    }

    @Test
    void feedItemsAreReadWithTheirTitle() {
        Post item = TestPosts.builder()
                .title("Terrible outage ruins launch day")
                .text("Details below.")
                .build();
        assertThat(ENRICHER.enrich(item).sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void isThreadSafe() throws Exception {
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            posts.add(TestPosts.text(i % 2 == 0 ? "love it #" + i + " 😍" : "hate it, not good at all " + i));
        }
        List<Enrichment> expected = posts.stream().map(ENRICHER::enrich).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<List<Enrichment>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(
                        pool.submit(() -> posts.stream().map(ENRICHER::enrich).toList()));
            }
            for (Future<List<Enrichment>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        }
    }

    @Test
    void hostileInputNeverThrows() {
        StringBuilder megabyte = new StringBuilder();
        while (megabyte.length() < 1_000_000) {
            megabyte.append("spam #tag @who $TKR https://x.example/")
                    .append(megabyte.length())
                    .append(" 👍🏽 ");
        }
        List<String> texts = List.of(
                "",
                "   \t\n",
                "\u0000\u0001\u0002\u001b[2J\u007f",
                "\uD800 broken \uDFFF halves \uD83D",
                "\uDE00\uD83D",
                "#".repeat(10_000),
                "@".repeat(10_000) + "$".repeat(10_000),
                "https://" + "a".repeat(50_000),
                "\u200D".repeat(1_000) + "🏳️‍🌈".repeat(1_000),
                megabyte.toString());
        for (String text : texts) {
            Enrichment enrichment = ENRICHER.enrich(TestPosts.text(text));
            assertThat(enrichment.sentiment().score()).isBetween(0.0, 1.0);
            assertThat(enrichment.lang()).isNotBlank();
        }
    }
}
