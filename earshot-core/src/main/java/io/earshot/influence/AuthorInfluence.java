package io.earshot.influence;

import io.earshot.domain.Network;
import java.util.Objects;

/**
 * An account's influence as of the last computation: the 0–100 score and the components it was made of.
 *
 * @param score the account's percentile among the accounts this install has seen amplified or with an audience
 *     (0: no evidence at all; 100: the most influential), one decimal
 * @param components what the score was made of, each explainable on its own
 */
public record AuthorInfluence(Network network, String accountId, double score, Components components) {

    public AuthorInfluence {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(components, "components");
        if (!(score >= 0 && score <= 100)) {
            throw new IllegalArgumentException("a score is between 0 and 100, got " + score);
        }
    }

    /** {@code network:accountId}, as in the API paths. */
    public String key() {
        return network.id() + ":" + accountId;
    }
}
