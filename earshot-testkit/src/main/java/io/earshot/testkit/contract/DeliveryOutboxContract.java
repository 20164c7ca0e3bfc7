package io.earshot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.alert.Delivery;
import io.earshot.alert.DeliveryOutbox;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link DeliveryOutbox}. Extend it and implement {@link #open}. */
public abstract class DeliveryOutboxContract extends StoreContract<DeliveryOutbox> {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private static Delivery pending(String id, Instant due) {
        return new Delivery(
                id,
                1,
                2,
                "webhook",
                "https://hooks.example.com/x",
                "{\"type\":\"webhook\"}",
                "{\"a\":\"ü\"}",
                0,
                Delivery.Status.PENDING,
                due,
                Optional.empty(),
                T0);
    }

    @Test
    void pendingDeliveriesSurviveReopenAndComeDueInOrder() throws Exception {
        store().enqueue(List.of(pending("b", T0.plusSeconds(5)), pending("a", T0)));
        store().enqueue(List.of(pending("a", T0.plusSeconds(99))));
        DeliveryOutbox reopened = reopen();
        assertThat(reopened.due(T0, 10)).extracting(Delivery::id).containsExactly("a");
        assertThat(reopened.due(T0.plusSeconds(5), 10)).extracting(Delivery::id).containsExactly("a", "b");
        assertThat(reopened.nextDue()).contains(T0);
        assertThat(reopened.get("a").orElseThrow().body()).isEqualTo("{\"a\":\"ü\"}");
    }

    @Test
    void deliveredAndRetriedDeliveriesLeaveTheDueList() {
        store().enqueue(List.of(pending("a", T0), pending("b", T0)));
        store().delivered("a", 1, T0);
        store().retryLater("b", 1, T0.plusSeconds(2), "HTTP 503");
        assertThat(store().due(T0.plusSeconds(1), 10)).isEmpty();
        assertThat(store().due(T0.plusSeconds(2), 10)).singleElement().satisfies(d -> {
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.lastError()).contains("HTTP 503");
        });
        assertThat(store().get("a").orElseThrow().status()).isEqualTo(Delivery.Status.DELIVERED);
    }

    @Test
    void deadLettersCanBeRevivedOrDiscarded() {
        store().enqueue(List.of(pending("a", T0), pending("b", T0)));
        store().dead("a", 5, "HTTP 500 after 5 tries");
        store().dead("b", 1, "HTTP 404");
        assertThat(store().deadLetters(10)).extracting(Delivery::id).containsExactlyInAnyOrder("a", "b");
        assertThat(store().due(T0, 10)).isEmpty();
        assertThat(store().revive("a", T0.plusSeconds(60))).isTrue();
        assertThat(store().revive("a", T0)).as("no longer dead").isFalse();
        assertThat(store().due(T0.plusSeconds(60), 10))
                .singleElement()
                .satisfies(d -> assertThat(d.attempts()).isZero());
        assertThat(store().discard("b")).isTrue();
        assertThat(store().discard("b")).isFalse();
        assertThat(store().deadLetters(10)).isEmpty();
        assertThat(store().nextDue()).contains(T0.plusSeconds(60));
    }

    @Test
    void oldFinishedDeliveriesExpireAndPendingOnesStay() {
        store().enqueue(List.of(pending("a", T0), pending("b", T0), pending("c", T0)));
        store().delivered("a", 1, T0);
        store().dead("b", 1, "x");
        assertThat(store().expireBefore(T0.plusSeconds(1))).isEqualTo(2);
        assertThat(store().get("c")).isPresent();
    }
}
