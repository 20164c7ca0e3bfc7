package io.earshot.influence;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The parts of an influence score.
 *
 * @param followers the audience when a network told us (Bluesky {@code followersCount}, Mastodon
 *     {@code followers_count})
 * @param reach {@code log10(1 + followers)}: 0 when unknown, 3 for a thousand followers, 6 for a million
 * @param amplification reposts and quotes received, recency-weighted, after the anti-gaming rules (replies
 *     count in network authority)
 * @param amplifiedPosts how many distinct posts of the account were reposted or quoted
 * @param amplificationPerPost {@code amplification / amplifiedPosts} (0 without posts)
 * @param networkAuthority weighted PageRank over the interaction graph, 1 being an average account
 * @param interactionsReceived interactions of any kind received (before weighting)
 * @param raw the combined value the percentile ranks: {@code ln(1 + amplification) × (1 + boost ×
 *     ln(max(1, networkAuthority))) + reachWeight × reach}
 */
public record Components(
        OptionalLong followers,
        double reach,
        double amplification,
        int amplifiedPosts,
        double amplificationPerPost,
        double networkAuthority,
        int interactionsReceived,
        double raw) {

    public Components {
        Objects.requireNonNull(followers, "followers");
    }
}
