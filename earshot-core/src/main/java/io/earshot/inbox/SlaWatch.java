package io.earshot.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Flags SLA breaches as they happen: each timer that runs out is written once into its case's history (actor
 * {@code earshot}) and handed to the listener, which can alert (the live stream, a channel). Run {@link #check}
 * every minute or so.
 */
public final class SlaWatch {

    /** Told once per breached timer. */
    @FunctionalInterface
    public interface Listener {
        void breached(Case c, String timer, SlaState.Timer reading);
    }

    private final CaseStore store;
    private final CaseService cases;
    private final Listener listener;
    private final Clock clock;
    private final Set<String> flagged = new HashSet<>();
    private final LongAdder breaches = new LongAdder();
    private boolean loaded;

    public SlaWatch(CaseStore store, CaseService cases, Listener listener, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.listener = listener;
        this.clock = clock;
    }

    /** Checks every active case; returns how many timers newly breached. */
    public synchronized int check() {
        Instant now = clock.instant();
        if (!loaded) {
            store.eventsOfType(CaseEvent.Type.SLA_BREACHED, now.minus(Duration.ofDays(400)), now.plusSeconds(1))
                    .forEach(event -> flagged.add(event.caseId() + "/"
                            + event.to().orElse("") + "/" + event.from().orElse("")));
            loaded = true;
        }
        int found = 0;
        CaseQuery page = new CaseQuery(
                Optional.empty(),
                Optional.empty(),
                EnumSet.of(CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.PENDING),
                Optional.empty(),
                Optional.empty(),
                OptionalLong.empty(),
                500);
        while (true) {
            List<Case> active = store.list(page);
            for (Case c : active) {
                SlaState state = cases.sla(c, now);
                found += flag(c, "response", state.response(), now);
                found += flag(c, "resolution", state.resolution(), now);
            }
            if (active.size() < page.limit()) {
                return found;
            }
            page = page.before(active.getLast().id());
        }
    }

    private int flag(Case c, String name, Optional<SlaState.Timer> timer, Instant now) {
        if (timer.isEmpty() || !timer.get().running() || !timer.get().breached()) {
            return 0;
        }
        String started = timer.get().startedAt().toString();
        if (!flagged.add(c.id() + "/" + name + "/" + started)) {
            return 0;
        }
        store.log(List.of(CaseEvent.of(
                c.id(),
                now,
                CaseEvent.SYSTEM,
                CaseEvent.Type.SLA_BREACHED,
                Optional.of(started),
                Optional.of(name),
                Optional.of(name + " target of " + timer.get().target().toMinutes() + " working minutes missed"))));
        breaches.increment();
        listener.breached(c, name, timer.get());
        return 1;
    }

    /** Breaches flagged since start. */
    public long breaches() {
        return breaches.sum();
    }
}
