package io.earshot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.topic.FeedKeys;
import org.junit.jupiter.api.Test;

/** The contract of {@link FeedKeys}. Extend it and implement {@link #open}. */
public abstract class FeedKeysContract extends StoreContract<FeedKeys> {

    @Test
    void aRotatedKeyReplacesTheOldOneAndSurvivesReopen() throws Exception {
        assertThat(store().key(1)).isEmpty();
        String first = store().rotate(1);
        String second = store().rotate(1);
        assertThat(second).isNotEqualTo(first).hasSizeGreaterThanOrEqualTo(22).matches("[A-Za-z0-9_-]+");
        assertThat(reopen().key(1)).contains(second);
        assertThat(store().key(2)).isEmpty();
    }

    @Test
    void aRevokedKeyIsGone() {
        store().rotate(1);
        assertThat(store().revoke(1)).isTrue();
        assertThat(store().revoke(1)).isFalse();
        assertThat(store().key(1)).isEmpty();
    }
}
