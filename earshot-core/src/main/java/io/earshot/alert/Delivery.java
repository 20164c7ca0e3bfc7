package io.earshot.alert;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One notification on its way to one channel, as the outbox keeps it: what to send (rendered once, so every
 * retry sends the same body under the same {@link #id}), to where, how often it was tried and what happened.
 *
 * @param id the delivery id, sent as {@code X-Earshot-Delivery} so receivers can drop repeats
 * @param ruleId the rule that fired
 * @param alertId the alert in the rule's history
 * @param channelType {@code webhook}, {@code slack} or {@code email}
 * @param target where it goes, without secrets (a URL, or the addresses): what the API shows
 * @param channel the channel's definition, secrets included, as JSON (the outbox's own format)
 * @param body the rendered body (JSON for webhooks and Slack; subject, text and HTML for email)
 * @param attempts how many times it was tried
 * @param status where it stands
 * @param nextAttemptAt when a pending delivery is due
 * @param lastError the last failure, in words
 * @param createdAt when the alert fired
 */
public record Delivery(
        String id,
        long ruleId,
        long alertId,
        String channelType,
        String target,
        String channel,
        String body,
        int attempts,
        Status status,
        Instant nextAttemptAt,
        Optional<String> lastError,
        Instant createdAt) {

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channelType, "channelType");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Where a delivery stands. */
    public enum Status {
        PENDING,
        DELIVERED,
        DEAD;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
