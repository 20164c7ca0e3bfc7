package io.earshot.influence;

import io.earshot.domain.InteractionKind;
import io.earshot.domain.Network;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A small hand-built graph for tests: accounts by name, edges at hours after a fixed start. */
final class TestGraph {

    static final long START = 1_700_000_000L;
    static final long HOUR = 3600;

    final EdgeTable edges = new EdgeTable();
    private final Map<String, Long> followers = new HashMap<>();

    TestGraph repost(String from, String to, double hour) {
        return add(from, to, InteractionKind.REPOST, hour, Optional.of(to + "-post"));
    }

    TestGraph repostOf(String from, String to, String post, double hour) {
        return add(from, to, InteractionKind.REPOST, hour, Optional.of(to + "-" + post));
    }

    TestGraph add(String from, String to, InteractionKind kind, double hour) {
        return add(from, to, kind, hour, Optional.empty());
    }

    TestGraph add(String from, String to, InteractionKind kind, double hour, Optional<String> post) {
        edges.add(
                Network.BLUESKY, from, to, kind, START + Math.round(hour * HOUR), post.map(name -> "bluesky:" + name));
        return this;
    }

    TestGraph followers(String account, long count) {
        edges.accounts.number(Network.BLUESKY, account);
        followers.put(account, count);
        return this;
    }

    InfluenceSnapshot score(double atHour, InfluenceSettings settings) {
        long[] audience = new long[edges.accounts.size()];
        for (int a = 0; a < audience.length; a++) {
            audience[a] = followers.getOrDefault(edges.accounts.id(a), -1L);
        }
        return Scoring.compute(edges, audience, START + Math.round(atHour * HOUR), settings);
    }

    InfluenceSnapshot score(double atHour) {
        return score(atHour, InfluenceSettings.DEFAULT);
    }

    static AuthorInfluence of(InfluenceSnapshot snapshot, String account) {
        return snapshot.of(Network.BLUESKY, account).orElseThrow();
    }

    static double amplification(InfluenceSnapshot snapshot, String account) {
        return of(snapshot, account).components().amplification();
    }
}
