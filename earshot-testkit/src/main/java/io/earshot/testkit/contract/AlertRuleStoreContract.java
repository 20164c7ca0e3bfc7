package io.earshot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.alert.AlertRuleStore;
import io.earshot.alert.AlertRuleStore.StoredAlert;
import io.earshot.alert.AlertRuleStore.StoredRule;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link AlertRuleStore}. Extend it and implement {@link #open}. */
public abstract class AlertRuleStoreContract extends StoreContract<AlertRuleStore> {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-26T11:00:00Z");

    @Test
    void rulesAreStoredAsWrittenAndSurviveReopen() throws Exception {
        String json = "{\"name\": \"Outage ü \\\"quoted\\\"\", \"topics\": [1]}";
        StoredRule created = store().create(json, T0);
        assertThat(created.definition()).isEqualTo(json);
        assertThat(created.paused()).isFalse();
        assertThat(created.created()).isEqualTo(T0);
        assertThat(reopen().get(created.id())).contains(created);
    }

    @Test
    void idsAreNeverReused() {
        StoredRule first = store().create("{}", T0);
        store().delete(first.id());
        assertThat(store().create("{}", T0).id()).isGreaterThan(first.id());
    }

    @Test
    void updatePauseAndDeleteSayWhetherTheRuleExisted() {
        StoredRule rule = store().create("{\"v\":1}", T0);
        assertThat(store().update(rule.id(), "{\"v\":2}", T1)).hasValueSatisfying(updated -> {
            assertThat(updated.definition()).isEqualTo("{\"v\":2}");
            assertThat(updated.updated()).isEqualTo(T1);
            assertThat(updated.created()).isEqualTo(T0);
        });
        assertThat(store().setPaused(rule.id(), true, T1))
                .hasValueSatisfying(r -> assertThat(r.paused()).isTrue());
        assertThat(store().update(999, "{}", T1)).isEmpty();
        assertThat(store().setPaused(999, true, T1)).isEmpty();
        assertThat(store().delete(rule.id())).isTrue();
        assertThat(store().delete(rule.id())).isFalse();
        assertThat(store().list()).isEmpty();
    }

    @Test
    void historyIsNewestFirstPagedAndGoesWithItsRule() throws Exception {
        StoredRule rule = store().create("{}", T0);
        StoredRule other = store().create("{}", T0);
        long first = store().appendHistory(rule.id(), "every_match", T0, "{\"n\":1}");
        long second = store().appendHistory(rule.id(), "every_match", T1, "{\"n\":2}");
        store().appendHistory(other.id(), "digest", T1, "{}");
        assertThat(reopen().history(rule.id(), Optional.empty(), 10))
                .extracting(StoredAlert::id)
                .containsExactly(second, first);
        assertThat(store().history(rule.id(), Optional.of(second), 10))
                .singleElement()
                .satisfies(alert -> {
                    assertThat(alert.notification()).isEqualTo("{\"n\":1}");
                    assertThat(alert.firedAt()).isEqualTo(T0);
                    assertThat(alert.kind()).isEqualTo("every_match");
                });
        store().delete(rule.id());
        assertThat(store().history(rule.id(), Optional.empty(), 10)).isEmpty();
        assertThat(store().history(other.id(), Optional.empty(), 10)).hasSize(1);
    }

    @Test
    void oldHistoryExpires() {
        StoredRule rule = store().create("{}", T0);
        store().appendHistory(rule.id(), "digest", T0, "{}");
        store().appendHistory(rule.id(), "digest", T1, "{}");
        assertThat(store().expireHistoryBefore(T1)).isEqualTo(1);
        assertThat(store().history(rule.id(), Optional.empty(), 10)).hasSize(1);
    }
}
