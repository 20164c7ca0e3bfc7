package io.earshot.alert;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The durable outbox of alert deliveries: written before anything is sent, so a restart sends what was
 * pending, and a delivery that failed for good waits in the dead letters until someone retries or discards
 * it. Implementations run {@code DeliveryOutboxContract} from the testkit.
 */
public interface DeliveryOutbox {

    /** Stores new pending deliveries (ids are unique; an id stored already is ignored). */
    void enqueue(Collection<Delivery> deliveries);

    /** Pending deliveries due at {@code now}, oldest due first, at most {@code limit}. */
    List<Delivery> due(Instant now, int limit);

    /** The earliest time a pending delivery is due, if any is pending. */
    Optional<Instant> nextDue();

    void delivered(String id, int attempts, Instant at);

    void retryLater(String id, int attempts, Instant next, String error);

    void dead(String id, int attempts, String error);

    /** Dead letters, newest first. */
    List<Delivery> deadLetters(int limit);

    /** A dead letter back to pending, due at {@code now}, its attempts reset; false when it is not dead. */
    boolean revive(String id, Instant now);

    /** Forgets a dead letter; false when there is none with this id. */
    boolean discard(String id);

    Optional<Delivery> get(String id);

    /** Forgets delivered and dead deliveries created before {@code cutoff}; returns how many. */
    long expireBefore(Instant cutoff);
}
