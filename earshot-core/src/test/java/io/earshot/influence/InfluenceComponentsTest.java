package io.earshot.influence;

import static io.earshot.influence.TestGraph.amplification;
import static io.earshot.influence.TestGraph.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.earshot.domain.InteractionKind;
import io.earshot.domain.Network;
import io.earshot.graph.Edge;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reach, amplification, network and topic authority, the percentile and incremental updates, on small graphs. */
class InfluenceComponentsTest {

    @Test
    void reachIsTheLogOfTheAudience() {
        InfluenceSnapshot scores = new TestGraph()
                .followers("celebrity", 1_000_000)
                .followers("neighbour", 99)
                .repost("x", "y", 0)
                .score(1);

        assertThat(of(scores, "celebrity").components().reach()).isCloseTo(6.0, within(1e-3));
        assertThat(of(scores, "neighbour").components().reach()).isCloseTo(2.0, within(1e-9));
        assertThat(of(scores, "celebrity").components().followers()).hasValue(1_000_000);
        assertThat(of(scores, "celebrity").score())
                .isGreaterThan(of(scores, "neighbour").score());
        assertThat(of(scores, "x").components().followers()).isEmpty();
    }

    @Test
    void recentAmplificationWeighsMoreThanOld() {
        InfluenceSnapshot scores = new TestGraph()
                .repost("a", "old-news", 0)
                .repost("b", "old-news", 0)
                .repost("c", "fresh", 30 * 24)
                .repost("d", "fresh", 30 * 24)
                .score(30 * 24);

        // 0.4 of a repost lasts, 0.6 halves every 7 days: after 30 days 0.4 + 0.6 × 2^(-30/7)
        double faded = 0.4 + 0.6 * Math.pow(0.5, 30 / 7.0);
        assertThat(amplification(scores, "old-news")).isCloseTo(2 * faded, within(1e-9));
        assertThat(amplification(scores, "fresh")).isCloseTo(2.0, within(1e-9));
        assertThat(of(scores, "fresh").score())
                .isGreaterThan(of(scores, "old-news").score());
    }

    @Test
    void amplificationIsAlsoShownPerPost() {
        InfluenceSnapshot scores = new TestGraph()
                .repostOf("a", "writer", "one", 0)
                .repostOf("b", "writer", "one", 0)
                .repostOf("c", "writer", "two", 0)
                .score(0);

        Components writer = of(scores, "writer").components();
        assertThat(writer.amplifiedPosts()).isEqualTo(2);
        assertThat(writer.amplificationPerPost()).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void beingAmplifiedByAnAuthorityCountsMoreThanByAThrowawayAccount() {
        TestGraph graph = new TestGraph();
        for (int i = 0; i < 20; i++) {
            graph.repost("follower" + i, "authority", 0);
        }
        graph.repost("authority", "endorsed", 1);
        graph.repost("throwaway", "unendorsed", 1);
        InfluenceSnapshot scores = graph.score(1);

        assertThat(amplification(scores, "endorsed")).isEqualTo(amplification(scores, "unendorsed"));
        assertThat(of(scores, "endorsed").components().networkAuthority())
                .isGreaterThan(3 * of(scores, "unendorsed").components().networkAuthority());
        assertThat(of(scores, "endorsed").score())
                .isGreaterThan(of(scores, "unendorsed").score());
    }

    @Test
    void topicAuthorityCountsOnlyTheInteractionsAroundTheTopic() {
        TestGraph graph = new TestGraph()
                .repostOf("a", "generalist", "cats", 0)
                .repostOf("b", "generalist", "cats", 0)
                .repostOf("c", "generalist", "cats", 0)
                .repostOf("a", "specialist", "rockets", 0)
                .repostOf("b", "specialist", "rockets", 0)
                .repostOf("d", "generalist", "rockets", 0);
        InfluenceSnapshot overall = graph.score(0);
        EdgeTable table = overall.table();
        int rocketsOfSpecialist = table.findPost(io.earshot.domain.PostKey.parse("bluesky:specialist-rockets"))
                .getAsInt();
        int rocketsOfGeneralist = table.findPost(io.earshot.domain.PostKey.parse("bluesky:generalist-rockets"))
                .getAsInt();

        InfluenceSnapshot rockets = overall.restrictedTo(Set.of(rocketsOfSpecialist, rocketsOfGeneralist), Set.of());

        assertThat(of(overall, "generalist").score())
                .isGreaterThan(of(overall, "specialist").score());
        assertThat(of(rockets, "specialist").score())
                .isGreaterThan(of(rockets, "generalist").score());
        assertThat(amplification(rockets, "generalist")).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void scoresArePercentilesFromZeroToAHundred() {
        TestGraph graph = new TestGraph();
        for (int i = 1; i <= 4; i++) {
            for (int j = 0; j < i; j++) {
                graph.repost("reader" + i + "-" + j, "writer" + i, 0);
            }
        }
        InfluenceSnapshot scores = graph.score(0);

        assertThat(of(scores, "writer4").score()).isEqualTo(100.0);
        assertThat(of(scores, "writer3").score()).isEqualTo(75.0);
        assertThat(of(scores, "writer1").score()).isEqualTo(25.0);
        assertThat(of(scores, "reader1-0").score()).isZero();
        assertThat(scores.top(2)).extracting(AuthorInfluence::accountId).containsExactly("writer4", "writer3");
        assertThat(scores.of(Network.BLUESKY, "stranger")).isEmpty();
    }

    @Test
    void scoresDoNotMoveFromDayToDayWithoutNewEvidence() {
        TestGraph graph = new TestGraph();
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j <= i % 7; j++) {
                graph.repost("reader" + j, "writer" + i, 0);
            }
            graph.add("writer" + i, "writer" + ((i + 1) % 30), InteractionKind.MENTION, 0);
        }
        InfluenceSnapshot today = graph.score(1);
        InfluenceSnapshot tomorrow = graph.score(25);

        for (int i = 0; i < 30; i++) {
            assertThat(of(tomorrow, "writer" + i).score())
                    .isEqualTo(of(today, "writer" + i).score());
        }
    }

    @Test
    void aNewInteractionShowsAtOnceAndAgreesWithTheNextFullComputation() {
        TestGraph graph = new TestGraph()
                .repost("a", "rising", 0)
                .repost("b", "steady", 0)
                .repost("c", "steady", 0);
        InfluenceSnapshot scores = graph.score(1);
        double before = of(scores, "rising").score();

        Edge edge = new Edge(
                Network.BLUESKY,
                "newcomer",
                "rising",
                InteractionKind.REPOST,
                Instant.ofEpochSecond(TestGraph.START + TestGraph.HOUR),
                Optional.empty());
        scores.add(edge);
        scores.add(new Edge(
                Network.BLUESKY,
                "another",
                "rising",
                InteractionKind.REPOST,
                Instant.ofEpochSecond(TestGraph.START + TestGraph.HOUR),
                Optional.empty()));

        assertThat(of(scores, "rising").score()).isGreaterThan(before);
        assertThat(of(scores, "rising").components().interactionsReceived()).isEqualTo(3);
        assertThat(scores.explain(Network.BLUESKY, "rising", 5))
                .extracting(Contribution::fromAccount)
                .contains("newcomer", "another", "a");
        InfluenceSnapshot full = graph.score(1);
        assertThat(amplification(scores, "rising")).isCloseTo(amplification(full, "rising"), within(1e-9));
    }

    @Test
    void theEvidenceBehindAScoreIsListedLargestFirst() {
        InfluenceSnapshot scores = new TestGraph()
                .repost("early", "writer", 0)
                .repost("late", "writer", 20 * 24)
                .add("talker", "writer", InteractionKind.MENTION, 20 * 24)
                .score(20 * 24);

        List<Contribution> why = scores.explain(Network.BLUESKY, "writer", 10);
        assertThat(why).extracting(Contribution::fromAccount).containsExactly("late", "early", "talker");
        assertThat(why.getFirst().amplification()).isCloseTo(1.0, within(1e-6));
        assertThat(why.getFirst().post()).isPresent();
        assertThat(why.getLast().kind()).isEqualTo(InteractionKind.MENTION);
    }
}
