package io.earshot.inbox;

import io.earshot.domain.PostKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What people do with cases: read queues with their SLA standing, change a case (each change with its line of
 * history, naming who did it), and record the replies the team sent.
 */
public final class CaseService {

    /** A case as a queue shows it: with its SLA standing at the moment of reading. */
    public record Listed(Case value, SlaState sla) {}

    /** A page of a queue and the id to continue before, when there may be more. */
    public record Page(List<Listed> items, Optional<Long> nextBefore) {}

    /** Thrown for a case id that does not exist. */
    public static final class NoSuchCaseException extends RuntimeException {
        public NoSuchCaseException(long id) {
            super("no case " + id);
        }
    }

    private final CaseStore store;
    private final Function<String, Optional<Team>> teams;
    private final Clock clock;
    private final CaseLocks locks;

    public CaseService(CaseStore store, Function<String, Optional<Team>> teams, Clock clock, CaseLocks locks) {
        this.store = store;
        this.teams = teams;
        this.clock = clock;
        this.locks = locks;
    }

    /** A page of cases, newest first; {@code sla} keeps only cases of that standing (read at this instant). */
    public Page list(CaseQuery query, Optional<SlaState.Standing> sla) {
        Instant now = clock.instant();
        List<Listed> items = new ArrayList<>();
        CaseQuery page = query;
        // an SLA filter is read at this instant, not stored: scan pages until this one is full
        for (int scanned = 0; scanned < 50; scanned++) {
            List<Case> found = store.list(page);
            for (Case c : found) {
                SlaState state = sla(c, now);
                if (sla.isEmpty() || state.standing() == sla.get()) {
                    items.add(new Listed(c, state));
                    if (items.size() == query.limit()) {
                        return new Page(items, Optional.of(c.id()));
                    }
                }
            }
            if (found.size() < page.limit()) {
                return new Page(items, Optional.empty());
            }
            page = page.before(found.getLast().id());
        }
        return new Page(
                items,
                items.isEmpty()
                        ? Optional.empty()
                        : Optional.of(items.getLast().value().id()));
    }

    /** The most cases {@link #mostUrgent} sorts (a queue longer than this is a problem of its own). */
    static final int MOST_SORTED = 10_000;

    /**
     * A page of cases in the order to work them: the soonest SLA deadline of a running clock first (overdue ones
     * at the top), then cases without a running clock, newest first. {@code offset} skips that many.
     */
    public List<Listed> mostUrgent(CaseQuery query, Optional<SlaState.Standing> sla, int offset) {
        Instant now = clock.instant();
        List<Listed> all = new ArrayList<>();
        CaseQuery page = new CaseQuery(
                query.team(), query.assignee(), query.statuses(), query.tag(), query.author(), query.before(), 1000);
        while (all.size() < MOST_SORTED) {
            List<Case> found = store.list(page);
            for (Case c : found) {
                SlaState state = sla(c, now);
                if (sla.isEmpty() || state.standing() == sla.get()) {
                    all.add(new Listed(c, state));
                }
            }
            if (found.size() < page.limit()) {
                break;
            }
            page = page.before(found.getLast().id());
        }
        all.sort(java.util.Comparator.comparing(
                        (Listed listed) -> nextDue(listed.sla()).orElse(Instant.MAX))
                .thenComparing(listed -> -listed.value().id()));
        return all.subList(Math.min(offset, all.size()), Math.min(offset + query.limit(), all.size()));
    }

    private static Optional<Instant> nextDue(SlaState state) {
        return java.util.stream.Stream.of(state.response(), state.resolution())
                .flatMap(Optional::stream)
                .filter(SlaState.Timer::running)
                .flatMap(timer -> timer.due().stream())
                .min(Instant::compareTo);
    }

    public Case get(long id) {
        return store.get(id).orElseThrow(() -> new NoSuchCaseException(id));
    }

    public SlaState sla(Case c, Instant at) {
        return SlaState.of(c, c.team().flatMap(teams), at);
    }

    public SlaState sla(Case c) {
        return sla(c, clock.instant());
    }

    public List<CaseMessage> thread(long id) {
        return store.messages(get(id).id());
    }

    public List<CaseEvent> history(long id) {
        return store.events(get(id).id());
    }

    /**
     * Applies changes in order, as one step of history.
     *
     * @throws NoSuchCaseException for an unknown case
     * @throws IllegalArgumentException for an unknown team
     */
    public Case change(long id, String actor, List<CaseChange> changes) {
        Objects.requireNonNull(actor, "actor");
        return locks.with(id, () -> apply(id, actor, changes));
    }

    private Case apply(long id, String actor, List<CaseChange> changes) {
        Case current = get(id);
        Instant now = clock.instant();
        Case changed = current;
        List<CaseEvent> events = new ArrayList<>();
        for (CaseChange change : changes) {
            Case before = changed;
            switch (change) {
                case CaseChange.MoveToTeam move -> {
                    move.team()
                            .ifPresent(team -> teams.apply(team)
                                    .orElseThrow(() -> new IllegalArgumentException(
                                            "no team '" + team + "'; GET /api/v1/teams lists them")));
                    changed = changed.withTeam(move.team());
                    event(events, id, now, actor, CaseEvent.Type.TEAM, before.team(), changed.team());
                }
                case CaseChange.Assign assign -> {
                    changed = changed.withAssignee(assign.assignee());
                    if (changed.status() == CaseStatus.NEW && assign.assignee().isPresent()) {
                        changed = changed.withStatus(CaseStatus.OPEN, now);
                    }
                    event(events, id, now, actor, CaseEvent.Type.ASSIGNEE, before.assignee(), changed.assignee());
                    if (changed.status() != before.status()) {
                        event(
                                events,
                                id,
                                now,
                                actor,
                                CaseEvent.Type.STATUS,
                                Optional.of(before.status().id()),
                                Optional.of(changed.status().id()));
                    }
                }
                case CaseChange.SetStatus status -> {
                    changed = changed.withStatus(status.status(), now);
                    event(
                            events,
                            id,
                            now,
                            actor,
                            CaseEvent.Type.STATUS,
                            Optional.of(before.status().id()),
                            Optional.of(changed.status().id()));
                }
                case CaseChange.SetPriority priority -> {
                    changed = changed.withPriority(priority.priority());
                    event(
                            events,
                            id,
                            now,
                            actor,
                            CaseEvent.Type.PRIORITY,
                            Optional.of(before.priority().id()),
                            Optional.of(changed.priority().id()));
                }
                case CaseChange.AddTag tag -> {
                    Set<String> tags = new HashSet<>(changed.tags());
                    if (tags.add(tag.tag())) {
                        changed = changed.withTags(tags);
                        events.add(CaseEvent.of(
                                id,
                                now,
                                actor,
                                CaseEvent.Type.TAG_ADDED,
                                Optional.empty(),
                                Optional.of(tag.tag()),
                                Optional.empty()));
                    }
                }
                case CaseChange.RemoveTag tag -> {
                    Set<String> tags = new HashSet<>(changed.tags());
                    if (tags.remove(tag.tag())) {
                        changed = changed.withTags(tags);
                        events.add(CaseEvent.of(
                                id,
                                now,
                                actor,
                                CaseEvent.Type.TAG_REMOVED,
                                Optional.of(tag.tag()),
                                Optional.empty(),
                                Optional.empty()));
                    }
                }
                case CaseChange.Note note ->
                    events.add(CaseEvent.of(
                            id,
                            now,
                            actor,
                            CaseEvent.Type.NOTE,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of(note.text())));
            }
        }
        if (!events.isEmpty()) {
            store.update(changed, events);
        }
        return changed;
    }

    /** Appends a line of history that changes nothing else (a reply requested, approved, failed). */
    public void log(long id, String actor, CaseEvent.Type type, Optional<String> to, Optional<String> text) {
        store.log(List.of(CaseEvent.of(get(id).id(), clock.instant(), actor, type, Optional.empty(), to, text)));
    }

    /**
     * Records a reply the team sent: it joins the thread (so it is not taken for the author's message when it
     * comes back through ingestion), answers what waited, and moves the case on to {@code then}.
     */
    public Case replied(
            long id,
            String actor,
            PostKey post,
            String uri,
            Optional<String> url,
            String text,
            String account,
            CaseStatus then) {
        return locks.with(id, () -> recordReply(id, actor, post, uri, url, text, account, then));
    }

    private Case recordReply(
            long id,
            String actor,
            PostKey post,
            String uri,
            Optional<String> url,
            String text,
            String account,
            CaseStatus then) {
        Case current = get(id);
        Instant now = clock.instant();
        store.addMessage(
                new CaseMessage(id, post, account, Optional.empty(), uri, url, text, now, Optional.empty(), true));
        Case changed = current.withResponse(now).withStatus(then, now);
        if (changed.assignee().isEmpty()) {
            changed = changed.withAssignee(Optional.of(actor));
        }
        List<CaseEvent> events = new ArrayList<>();
        events.add(CaseEvent.of(
                id, now, actor, CaseEvent.Type.REPLY_SENT, Optional.empty(), Optional.of(uri), Optional.of(text)));
        if (changed.status() != current.status()) {
            event(
                    events,
                    id,
                    now,
                    actor,
                    CaseEvent.Type.STATUS,
                    Optional.of(current.status().id()),
                    Optional.of(changed.status().id()));
        }
        if (!changed.assignee().equals(current.assignee())) {
            event(events, id, now, actor, CaseEvent.Type.ASSIGNEE, current.assignee(), changed.assignee());
        }
        store.update(changed, events);
        return changed;
    }

    private static void event(
            List<CaseEvent> events,
            long id,
            Instant now,
            String actor,
            CaseEvent.Type type,
            Optional<String> from,
            Optional<String> to) {
        if (!from.equals(to)) {
            events.add(CaseEvent.of(id, now, actor, type, from, to, Optional.empty()));
        }
    }
}
