package io.earshot.influence;

import io.earshot.graph.Edge;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The edges seen lately, so that polling the graph for new edges takes each one once even when it arrives out of
 * time order: a post's time is set by the client that wrote it, so a repost stored now may say it happened a
 * little earlier than one stored before it. A poll looks back {@link #LATE} from the newest edge seen; an edge
 * stored later than that behind the newest is taken in by the next reload.
 */
final class RecentEdges {

    static final Duration LATE = Duration.ofMinutes(2);

    private final Set<Edge> seen = new HashSet<>();
    private Instant newest = Instant.EPOCH;
    private int sizeAfterPrune;

    /** True the first time an edge is shown. */
    boolean firstSight(Edge edge) {
        if (!seen.add(edge)) {
            return false;
        }
        if (edge.at().isAfter(newest)) {
            newest = edge.at();
        }
        if (seen.size() > 2 * sizeAfterPrune + 1024) {
            prune();
        }
        return true;
    }

    /** Where the next poll starts. */
    Instant lookFrom() {
        Instant from = newest.minus(LATE);
        return from.isBefore(Instant.EPOCH) ? Instant.EPOCH : from;
    }

    /** Forgets edges too old for the next poll to return. */
    void prune() {
        Instant cutoff = lookFrom();
        seen.removeIf(edge -> edge.at().isBefore(cutoff));
        sizeAfterPrune = seen.size();
    }
}
