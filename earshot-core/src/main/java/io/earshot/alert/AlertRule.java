package io.earshot.alert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An alert rule: which mentions it watches ({@link RuleScope}), when it fires ({@link Condition}), where it
 * sends ({@link ChannelSpec}) and how it spares people ({@link Fatigue}).
 *
 * @param id the rule's id
 * @param name what people call it ("Outage chatter")
 * @param paused a paused rule watches nothing and sends nothing; spikes it would have seen are not replayed
 * @param created when it was created
 * @param updated when it last changed (a change resets its once-per-rule memory only if the topics changed)
 */
public record AlertRule(
        long id,
        String name,
        RuleScope scope,
        Condition condition,
        List<ChannelSpec> channels,
        Fatigue fatigue,
        boolean paused,
        Instant created,
        Instant updated) {

    public AlertRule {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a rule needs a \"name\" of 1 to 200 characters");
        }
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(condition, "condition");
        channels = List.copyOf(channels);
        if (channels.size() > 20) {
            throw new IllegalArgumentException("a rule can have at most 20 channels");
        }
        Objects.requireNonNull(fatigue, "fatigue");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
    }

    public AlertKind kind() {
        return condition.kind();
    }

    public AlertRule withPaused(boolean nowPaused, Instant at) {
        return new AlertRule(id, name, scope, condition, channels, fatigue, nowPaused, created, at);
    }
}
