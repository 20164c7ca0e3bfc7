package io.earshot.inbox;

import io.earshot.domain.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a new case looks like when a mention opens it: the case as routing left it, and the history that says why. */
final class CaseOpening {

    private CaseOpening() {}

    /** The case before the store numbers it; routing may have set its team, assignee, priority, tags, or closed it. */
    static Case draft(
            Post post, String author, Instant at, RoutingAction action, Optional<String> assignee, Instant now) {
        return new Case(
                0,
                post.replyRoot().orElse(post.key()),
                post.key(),
                author,
                action.team(),
                assignee,
                action.close() ? CaseStatus.RESOLVED : CaseStatus.NEW,
                action.priority().orElse(Priority.NORMAL),
                action.tags(),
                at,
                at,
                at,
                Optional.of(at),
                Optional.empty(),
                action.close() ? Optional.of(now) : Optional.empty());
    }

    /** Created; routed, naming the rules and what they did; closed, when routing closed it. */
    static List<CaseEvent> history(
            Post post, Instant at, Router.Decision decision, Optional<String> assignee, Instant now) {
        RoutingAction action = decision.action();
        List<CaseEvent> events = new ArrayList<>();
        events.add(CaseEvent.of(
                0,
                at,
                CaseEvent.SYSTEM,
                CaseEvent.Type.CREATED,
                Optional.empty(),
                Optional.of(post.key().id()),
                Optional.of(post.text())));
        if (decision.matched()) {
            events.add(CaseEvent.of(
                    0,
                    now,
                    CaseEvent.SYSTEM,
                    CaseEvent.Type.ROUTED,
                    Optional.empty(),
                    Optional.of(String.join(
                            ", ",
                            decision.rules().stream().map(RoutingRule::name).toList())),
                    Optional.of(describe(action, assignee))));
        }
        if (action.close()) {
            events.add(CaseEvent.of(
                    0,
                    now,
                    CaseEvent.SYSTEM,
                    CaseEvent.Type.STATUS,
                    Optional.of("new"),
                    Optional.of("resolved"),
                    Optional.of("closed by routing")));
        }
        return events;
    }

    private static String describe(RoutingAction action, Optional<String> assignee) {
        List<String> parts = new ArrayList<>();
        action.team().ifPresent(team -> parts.add("team " + team));
        action.priority().ifPresent(priority -> parts.add("priority " + priority.id()));
        assignee.ifPresent(user -> parts.add("assigned to " + user));
        if (!action.tags().isEmpty()) {
            parts.add("tags " + String.join(", ", action.tags()));
        }
        if (action.close()) {
            parts.add("closed");
        }
        return String.join("; ", parts);
    }
}
