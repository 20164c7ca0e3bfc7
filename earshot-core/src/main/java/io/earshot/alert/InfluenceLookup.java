package io.earshot.alert;

import io.earshot.domain.Network;
import java.util.OptionalDouble;

/** An author's influence score (0–100), for {@code influencer} rules with a {@code min_score}. */
@FunctionalInterface
public interface InfluenceLookup {

    OptionalDouble score(Network network, String authorId);

    /** No scores known: {@code influencer} rules go by followers only. */
    InfluenceLookup NONE = (network, authorId) -> OptionalDouble.empty();
}
