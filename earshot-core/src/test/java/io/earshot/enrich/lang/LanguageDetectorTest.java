package io.earshot.enrich.lang;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.Post;
import io.earshot.enrich.SharedData;
import io.earshot.enrich.TestPosts;
import io.earshot.enrich.linear.LabelledText;
import io.earshot.enrich.sentiment.SentimentTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    private final LanguageDetector detector = LanguageDetector.shipped();

    @Test
    void theNetworksTagWins() {
        Post tagged = TestPosts.builder()
                .text("this is clearly English")
                .lang("pt-BR")
                .build();
        assertThat(detector.language(tagged)).isEqualTo("pt");
        Post untagged = TestPosts.text("this is clearly English");
        assertThat(detector.language(untagged)).isEqualTo("en");
        Post badTag = TestPosts.builder()
                .text("Das ist nicht gut")
                .lang("??")
                .lang("")
                .build();
        assertThat(detector.language(badTag)).isEqualTo("de");
        assertThat(detector.language(TestPosts.text("lol 😂 https://x.y"))).isEqualTo(LanguageDetector.UNDETERMINED);
    }

    // Sentences written for this test: they check the profiles, they do not measure accuracy.
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            en | I think this is the best thing that happened to me this year
            de | Ich habe das nicht gewusst, aber es ist schon spät
            es | No sé qué pasó con el tren, pero llegamos tarde otra vez
            fr | Je ne sais pas pourquoi il est parti sans nous dire au revoir
            pt | Eu não sei o que aconteceu, mas foi muito bom
            it | Non ho capito perché sono andati via così presto
            nl | Ik weet niet wat er is gebeurd, maar het was erg leuk
            tr | Bu film çok güzel ama biraz uzun, yine de izledim
            pl | Nie wiem, co się stało, ale było bardzo fajnie
            sv | Jag vet inte vad som hände men det var jättekul
            ru | Я не знаю, что случилось, но было очень весело
            uk | Я не знаю, що сталося, але було дуже весело
            ja | 今日はとても楽しかったです
            ko | 오늘 정말 재미있었어요
            zh | 我今天非常高兴
            el | Δεν ξέρω τι έγινε αλλά ήταν πολύ ωραία
            he | אני לא יודע מה קרה
            ar | لا أعرف ماذا حدث لكنه كان ممتعا
            fa | نمی‌دانم چه اتفاقی افتاد ولی خیلی خوب بود
            th | วันนี้สนุกมาก
            hi | मुझे नहीं पता कि क्या हुआ
            """)
    void recognisesEachLanguage(String lang, String text) {
        assertThat(detector.detect(text)).get().extracting(LanguageGuess::lang).isEqualTo(lang);
    }

    @Test
    void staysSilentWithoutEvidence() {
        assertThat(detector.detect("")).isEmpty();
        assertThat(detector.detect("😂😂😂 !!! 123 @bob #tbt https://example.com"))
                .isEmpty();
        assertThat(detector.detect("\u0000\uD800\uDFFF\uDC00")).isEmpty();
        assertThat(detector.detect("x".repeat(1_000_000))).isEmpty();
    }

    /**
     * Reviewed by reading: these tagged posts are plainly English whatever their tag says (a client's
     * default language left on); the test labels them by what they are.
     */
    private static final List<String> ENGLISH_DESPITE_THE_TAG = List.of(
            "#HowToTellAiToShutUp",
            "Going under a band",
            "The government you're",
            "even know the country",
            "\"Behind them, Timmi");

    /** Every Bluesky fixture post that carries a language tag, detected without looking at the tag. */
    @Test
    void agreesWithRealBlueskyPostsLabelledByReading() throws IOException {
        List<Map.Entry<String, String>> posts = new ArrayList<>();
        for (String file : List.of("jetstream/production-2026-07-04.jsonl", "jetstream/golden.jsonl")) {
            for (String line : Files.readAllLines(SharedData.fixture(file))) {
                taggedPost(line).ifPresent(posts::add);
            }
        }
        int right = 0;
        int silent = 0;
        int wrong = 0;
        int tagWrong = 0;
        for (Map.Entry<String, String> post : posts) {
            String text = post.getValue();
            boolean english = ENGLISH_DESPITE_THE_TAG.stream().anyMatch(text::startsWith);
            String lang = english ? "en" : post.getKey();
            tagWrong += english && !post.getKey().equals("en") ? 1 : 0;
            Optional<LanguageGuess> guess = detector.detect(text);
            if (guess.isEmpty()) {
                silent++;
            } else if (guess.get().lang().equals(lang)) {
                right++;
            } else {
                wrong++;
                System.out.printf(
                        "labelled %s, detected %s: %s%n", lang, guess.get().lang(), text);
            }
        }
        System.out.printf(
                "Bluesky fixtures: %d tagged posts (%d tags contradict the text), %d right, %d wrong, %d no answer%n",
                posts.size(), tagWrong, right, wrong, silent);
        assertThat(posts).hasSize(17);
        assertThat(wrong).isZero();
        assertThat(right).isGreaterThanOrEqualTo(12);
    }

    /** The English tweets held out of sentiment training: how many come out English. */
    @Test
    void englishTweetsComeOutEnglish() {
        List<LabelledText> tweets = SentimentTrainer.heldOut(SharedData.data("sentiment/semeval-2013-2016-train.tsv"));
        int english = 0;
        int silent = 0;
        for (LabelledText tweet : tweets) {
            Optional<LanguageGuess> guess = detector.detect(tweet.text());
            english += guess.filter(g -> g.lang().equals("en")).isPresent() ? 1 : 0;
            silent += guess.isEmpty() ? 1 : 0;
        }
        int wrong = tweets.size() - english - silent;
        System.out.printf(
                "SemEval English tweets: %d, %d en, %d other, %d no answer%n", tweets.size(), english, wrong, silent);
        assertThat((double) english / tweets.size()).isGreaterThan(0.90);
        assertThat((double) wrong / tweets.size()).isLessThan(0.03);
    }

    private static final Pattern LANGS = Pattern.compile("\"langs\":\\[\"([^\"]*)\"");
    private static final Pattern TEXT = Pattern.compile("\"text\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    // The first tag and the text of a post-create event; the primary subtag is the label.
    private static Optional<Map.Entry<String, String>> taggedPost(String line) {
        if (!line.contains("\"collection\":\"app.bsky.feed.post\"") || !line.contains("\"operation\":\"create\"")) {
            return Optional.empty();
        }
        Matcher langs = LANGS.matcher(line);
        Matcher text = TEXT.matcher(line);
        if (!langs.find() || !text.find()) {
            return Optional.empty();
        }
        String lang = LanguageDetector.primarySubtag(langs.group(1));
        return Optional.of(Map.entry(lang, unescape(text.group(1))));
    }

    private static String unescape(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c != '\\' || i + 1 >= json.length()) {
                out.append(c);
                continue;
            }
            char next = json.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
