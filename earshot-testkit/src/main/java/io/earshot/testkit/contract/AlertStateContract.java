package io.earshot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.alert.AlertState;
import io.earshot.alert.MinuteSeries.Counts;
import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of {@link AlertState}. Extend it and implement {@link #open}. */
public abstract class AlertStateContract extends StoreContract<AlertState> {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final PostKey A = new PostKey(Network.BLUESKY, "did:plc:a:3kabc");
    private static final PostKey B = new PostKey(Network.MASTODON, "mastodon.social:2");

    @Test
    void aPostIsNoticedOncePerRule() throws Exception {
        assertThat(store().firstNotices(1, List.of(A, B), NOW)).containsExactlyInAnyOrder(A, B);
        assertThat(store().firstNotices(1, List.of(A, B), NOW)).isEmpty();
        assertThat(store().firstNotices(2, List.of(A), NOW)).containsExactly(A);
        assertThat(reopen().firstNotices(1, List.of(B), NOW)).isEmpty();
    }

    @Test
    void aBatchNamingAPostTwiceNoticesItOnce() {
        assertThat(store().firstNotices(1, List.of(A, A), NOW)).containsExactly(A);
    }

    @Test
    void minuteCountsAreReplacedAndSurviveReopen() throws Exception {
        store().saveSeries(7, Map.of(100L, new Counts(3, 1, 1), 101L, new Counts(5, 0, 4)));
        store().saveSeries(7, Map.of(101L, new Counts(6, 0, 5)));
        assertThat(reopen().series(7, 0))
                .containsOnly(Map.entry(100L, new Counts(3, 1, 1)), Map.entry(101L, new Counts(6, 0, 5)));
        assertThat(store().series(7, 101)).containsOnlyKeys(101L);
        assertThat(store().series(8, 0)).isEmpty();
    }

    @Test
    void valuesArePerRuleAndLastWriteWins() throws Exception {
        store().putValue(1, "last_digest", "2026-11-26T09:00:00Z");
        store().putValue(1, "last_digest", "2026-11-26T10:00:00Z");
        store().putValue(2, "last_digest", "x");
        assertThat(reopen().value(1, "last_digest")).contains("2026-11-26T10:00:00Z");
        assertThat(store().value(2, "last_digest")).contains("x");
        assertThat(store().value(1, "episode")).isEmpty();
    }

    @Test
    void forgettingARuleForgetsOnlyIt() {
        store().firstNotices(1, List.of(A), NOW);
        store().firstNotices(2, List.of(A), NOW);
        store().saveSeries(1, Map.of(5L, new Counts(1, 0, 0)));
        store().putValue(1, "k", "v");
        store().forget(1);
        assertThat(store().firstNotices(1, List.of(A), NOW)).containsExactly(A);
        assertThat(store().firstNotices(2, List.of(A), NOW)).isEmpty();
        assertThat(store().series(1, 0)).isEmpty();
        assertThat(store().value(1, "k")).isEmpty();
    }

    @Test
    void expiryRemovesOldNoticesAndMinutes() {
        store().firstNotices(1, List.of(A), NOW.minusSeconds(3600));
        store().firstNotices(1, List.of(B), NOW);
        long minuteNow = NOW.getEpochSecond() / 60;
        store().saveSeries(1, Map.of(minuteNow - 120, new Counts(1, 0, 0), minuteNow, new Counts(2, 0, 0)));
        assertThat(store().expireBefore(NOW.minusSeconds(60))).isEqualTo(2);
        assertThat(store().firstNotices(1, List.of(A, B), NOW)).containsExactly(A);
        assertThat(store().series(1, 0)).containsOnlyKeys(minuteNow);
    }
}
