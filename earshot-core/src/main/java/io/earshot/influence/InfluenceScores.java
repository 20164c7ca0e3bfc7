package io.earshot.influence;

import io.earshot.domain.Network;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads an author's influence: what the alerts engine's {@code influencer} condition calls. Cheap (a map lookup
 * in memory), safe from any thread.
 */
@FunctionalInterface
public interface InfluenceScores {

    /** No scores: every author unknown. */
    InfluenceScores NONE = (network, accountId) -> Optional.empty();

    /** The author's influence, or empty when unknown or excluded. */
    Optional<AuthorInfluence> influence(Network network, String accountId);

    /** The author's 0–100 score, or empty when unknown or excluded. */
    default OptionalDouble score(Network network, String accountId) {
        return influence(network, accountId)
                .map(found -> OptionalDouble.of(found.score()))
                .orElse(OptionalDouble.empty());
    }
}
