package io.earshot.alert;

import io.earshot.domain.Mention;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One notification of a rule, stored in its history with why it fired, and handed to its channels.
 *
 * @param id the alert's id in the rule's history
 * @param ruleId the rule that fired
 * @param ruleName its name when it fired
 * @param kind the rule's condition
 * @param firedAt when it fired
 * @param reason why, in words a person reads in the notification ("142 mentions in 60 min, 4.1x the usual 35")
 * @param severity for spikes and shifts
 * @param mentions the mentions it is about, most important first (may be empty for a spike's "still going")
 * @param summary figures behind the reason, JSON-ready (strings, numbers, booleans, nested maps and lists)
 */
public record FiredAlert(
        long id,
        long ruleId,
        String ruleName,
        AlertKind kind,
        Instant firedAt,
        String reason,
        Optional<Severity> severity,
        List<Mention> mentions,
        Map<String, Object> summary) {

    public FiredAlert {
        Objects.requireNonNull(ruleName, "ruleName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(firedAt, "firedAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(severity, "severity");
        mentions = List.copyOf(mentions);
        summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    }

    /** The same alert with the id the history gave it. */
    public FiredAlert withId(long newId) {
        return new FiredAlert(newId, ruleId, ruleName, kind, firedAt, reason, severity, mentions, summary);
    }
}
