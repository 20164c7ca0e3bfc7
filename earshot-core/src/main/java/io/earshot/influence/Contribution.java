package io.earshot.influence;

import io.earshot.domain.InteractionKind;
import io.earshot.domain.PostKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One interaction an account received and what it added to its score: the "why" of a score.
 *
 * @param fromAccount who interacted
 * @param post the account's post it was about, when it was about one
 * @param amplification what it added to the amplification component, after recency and the rules
 * @param authorityWeight its weight in network authority, after recency and the rules
 * @param rules the anti-gaming rules that discounted it
 */
public record Contribution(
        String fromAccount,
        InteractionKind kind,
        Instant at,
        Optional<PostKey> post,
        double amplification,
        double authorityWeight,
        Set<Rule> rules) {

    public Contribution {
        Objects.requireNonNull(fromAccount, "fromAccount");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(post, "post");
        rules = Set.copyOf(rules);
    }
}
