package io.earshot.alert;

/**
 * Where the engine hands an alert once anti-fatigue let it through: the application records it in the rule's
 * history (giving it its id) and queues it to the rule's channels and the live stream. Called on the engine's
 * thread; must return quickly.
 */
@FunctionalInterface
public interface AlertSink {
    void fired(AlertRule rule, FiredAlert alert);
}
