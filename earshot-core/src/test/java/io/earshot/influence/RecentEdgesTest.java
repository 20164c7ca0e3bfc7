package io.earshot.influence;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.InteractionKind;
import io.earshot.domain.Network;
import io.earshot.graph.Edge;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecentEdgesTest {

    private static Edge repost(String from, long second) {
        return new Edge(
                Network.BLUESKY,
                from,
                "writer",
                InteractionKind.REPOST,
                Instant.ofEpochSecond(second),
                Optional.empty());
    }

    @Test
    void anEdgeIsTakenOnceEvenWhenItArrivesBehindTheNewest() {
        RecentEdges recent = new RecentEdges();
        assertThat(recent.firstSight(repost("a", 1_000))).isTrue();
        assertThat(recent.firstSight(repost("b", 1_100))).isTrue();

        // the next poll looks back two minutes: it sees "b" again, and a late "c" stamped before "b"
        assertThat(recent.lookFrom()).isEqualTo(Instant.ofEpochSecond(980));
        assertThat(recent.firstSight(repost("b", 1_100))).isFalse();
        assertThat(recent.firstSight(repost("c", 1_050))).isTrue();
        assertThat(recent.firstSight(repost("a", 1_000))).isFalse();
    }

    @Test
    void edgesTooOldForTheNextPollAreForgotten() {
        RecentEdges recent = new RecentEdges();
        recent.firstSight(repost("a", 1_000));
        recent.firstSight(repost("b", 2_000));
        recent.prune();

        assertThat(recent.lookFrom()).isEqualTo(Instant.ofEpochSecond(1_880));
        assertThat(new RecentEdges().lookFrom()).isEqualTo(Instant.EPOCH);
    }
}
