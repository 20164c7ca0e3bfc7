package io.earshot.influence;

import static io.earshot.influence.TestGraph.amplification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.earshot.domain.InteractionKind;
import io.earshot.domain.Network;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each anti-gaming rule on a graph of a few accounts, with recency switched off so the arithmetic shows. */
class AntiGamingRulesTest {

    /** No fading: every interaction weighs its full kind weight. */
    static final InfluenceSettings TIMELESS =
            new InfluenceSettings(Duration.ofDays(7), 1.0, 0.5, 3.0, 100, 500.0, 0.85, 0.05, 0.5);

    @Test
    void selfInteractionsCountForNothing() {
        InfluenceSnapshot scores = new TestGraph()
                .repost("narcissus", "narcissus", 0)
                .repost("narcissus", "narcissus", 1)
                .repost("fan", "other", 1)
                .score(2, TIMELESS);

        assertThat(amplification(scores, "narcissus")).isZero();
        assertThat(TestGraph.of(scores, "narcissus").score()).isZero();
        assertThat(scores.explain(Network.BLUESKY, "narcissus", 5))
                .allSatisfy(contribution -> assertThat(contribution.rules()).contains(Rule.SELF));
    }

    @Test
    void reciprocalAmplificationIsDiscounted() {
        InfluenceSnapshot scores = new TestGraph()
                .repost("ring-a", "ring-b", 0)
                .repost("ring-b", "ring-a", 0)
                .repost("reader", "writer", 0)
                .score(1, TIMELESS);

        assertThat(amplification(scores, "ring-a")).isCloseTo(0.5, within(1e-9));
        assertThat(amplification(scores, "ring-b")).isCloseTo(0.5, within(1e-9));
        assertThat(amplification(scores, "writer")).isCloseTo(1.0, within(1e-9));
        assertThat(scores.explain(Network.BLUESKY, "ring-a", 1).getFirst().rules())
                .containsExactly(Rule.RECIPROCAL);
    }

    @Test
    void oneSourceAddsAtMostTheCap() {
        TestGraph graph = new TestGraph();
        for (int i = 0; i < 10; i++) {
            graph.repostOf("superfan", "favourite", "post" + i, i);
            graph.repostOf("reader" + i, "popular", "post" + i, i);
        }
        InfluenceSnapshot scores = graph.score(10, TIMELESS);

        assertThat(amplification(scores, "favourite")).isCloseTo(3.0, within(1e-9));
        assertThat(amplification(scores, "popular")).isCloseTo(10.0, within(1e-9));
        assertThat(TestGraph.of(scores, "popular").score())
                .isGreaterThan(TestGraph.of(scores, "favourite").score());
        assertThat(scores.explain(Network.BLUESKY, "favourite", 1).getFirst().rules())
                .contains(Rule.SOURCE_CAP);
    }

    @Test
    void burstsCountLogarithmicallyBeyondTheHourlyLimit() {
        TestGraph graph = new TestGraph();
        for (int i = 0; i < 150; i++) {
            graph.repost("crowd" + i, "burst", 5 + i / 1000.0);
            graph.repost("steady" + i, "steady", i);
        }
        InfluenceSnapshot scores = graph.score(200, TIMELESS);

        // 100 × (1 + ln(150 / 100)) for the hour of 150, and 150 for 150 spread over 150 hours
        assertThat(amplification(scores, "burst")).isCloseTo(100 * (1 + Math.log(1.5)), within(1e-6));
        assertThat(amplification(scores, "steady")).isCloseTo(150, within(1e-6));
        assertThat(scores.explain(Network.BLUESKY, "burst", 1).getFirst().rules())
                .contains(Rule.BURST);
    }

    @Test
    void highFrequencyAccountsAreDiscounted() {
        TestGraph graph = new TestGraph();
        // 1,000 reposts in one day: twice the limit of 500 a day, so each weighs a half
        for (int i = 0; i < 1000; i++) {
            graph.repostOf("bot", i == 0 ? "target-of-bot" : "someone" + i, "post", i / 1000.0 * 24);
        }
        graph.repost("person", "target-of-person", 12);
        InfluenceSnapshot scores = graph.score(24, TIMELESS);

        assertThat(amplification(scores, "target-of-bot")).isCloseTo(0.5, within(1e-9));
        assertThat(amplification(scores, "target-of-person")).isCloseTo(1.0, within(1e-9));
        assertThat(scores.explain(Network.BLUESKY, "target-of-bot", 1)
                        .getFirst()
                        .rules())
                .containsExactly(Rule.HIGH_FREQUENCY);
    }

    @Test
    void mentionsAndRepliesBuildAuthorityNotAmplification() {
        InfluenceSnapshot scores = new TestGraph()
                .add("a", "talked-about", InteractionKind.MENTION, 0)
                .add("b", "talked-about", InteractionKind.REPLY, 0)
                .add("c", "ignored", InteractionKind.FOLLOW, 0)
                .score(1, TIMELESS);

        AuthorInfluence talkedAbout = TestGraph.of(scores, "talked-about");
        assertThat(talkedAbout.components().amplification()).isZero();
        assertThat(talkedAbout.components().networkAuthority())
                .isGreaterThan(TestGraph.of(scores, "a").components().networkAuthority());
        assertThat(talkedAbout.components().interactionsReceived()).isEqualTo(2);
    }
}
