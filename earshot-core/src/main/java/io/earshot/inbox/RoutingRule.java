package io.earshot.inbox;

import java.util.List;
import java.util.Objects;

/**
 * A routing rule: mentions of {@code topics} (any topic when empty) for which {@code when} holds get
 * {@code then}. Rules are applied in {@code position} order.
 */
public record RoutingRule(long id, int position, String name, String when, List<Long> topics, RoutingAction then) {

    public RoutingRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(when, "when");
        topics = List.copyOf(topics);
        Objects.requireNonNull(then, "then");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a routing rule needs a \"name\"");
        }
        RoutingQuery.check(when);
    }
}
