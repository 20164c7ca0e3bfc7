package io.earshot.alert;

import io.earshot.domain.Mention;
import io.earshot.domain.PostKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A rule's anti-fatigue: lets a notification through, or holds it (quiet hours, hourly limit) and later sends
 * everything held as one grouped notification. What is held is bounded: counts are kept exactly, but only
 * the first reasons and mentions travel. Not thread-safe: the engine's thread owns it.
 */
final class FatigueGate {

    private static final int MAX_REASONS = 20;

    private final Deque<Instant> sentLastHour = new ArrayDeque<>();
    private Held held;

    /** The notifications to send now: {@code alert}, or none when it was held. */
    List<FiredAlert> offer(AlertRule rule, FiredAlert alert, Instant now) {
        Optional<String> holdBecause = holdReason(rule.fatigue(), alert, now);
        if (holdBecause.isPresent()) {
            if (held == null) {
                held = new Held(holdBecause.get());
            }
            held.add(alert);
            return List.of();
        }
        sentLastHour.addLast(now);
        return List.of(alert);
    }

    /** Everything held, as one notification, once quiet hours are over and the hourly limit allows. */
    Optional<FiredAlert> release(AlertRule rule, Instant now) {
        if (held == null || holdReason(rule.fatigue(), null, now).isPresent()) {
            return Optional.empty();
        }
        FiredAlert grouped = held.toAlert(rule, now);
        held = null;
        sentLastHour.addLast(now);
        return Optional.of(grouped);
    }

    boolean holding() {
        return held != null;
    }

    private Optional<String> holdReason(Fatigue fatigue, FiredAlert alert, Instant now) {
        boolean critical = alert != null
                && alert.severity().filter(s -> s == Severity.CRITICAL).isPresent();
        if (fatigue.quietHours().isPresent()) {
            Fatigue.QuietHours quiet = fatigue.quietHours().get();
            if (quiet.contains(now.atZone(ZoneOffset.UTC)) && !(critical && quiet.letCriticalThrough())) {
                return Optional.of("quiet_hours");
            }
        }
        while (!sentLastHour.isEmpty() && sentLastHour.peekFirst().isBefore(now.minus(Duration.ofHours(1)))) {
            sentLastHour.removeFirst();
        }
        if (fatigue.maxPerHour() > 0 && sentLastHour.size() >= fatigue.maxPerHour()) {
            return Optional.of("hourly_limit");
        }
        return Optional.empty();
    }

    /** What was held: exact counts, the first reasons and the first mentions. */
    private static final class Held {
        private final String because;
        private final List<String> reasons = new ArrayList<>();
        private final Map<PostKey, Mention> mentions = new LinkedHashMap<>();
        private final Set<String> kinds = new LinkedHashSet<>();
        private long notifications;
        private long mentionsTotal;
        private Optional<Severity> worst = Optional.empty();

        Held(String because) {
            this.because = because;
        }

        void add(FiredAlert alert) {
            notifications++;
            kinds.add(alert.kind().id());
            if (reasons.size() < MAX_REASONS) {
                reasons.add(alert.reason());
            }
            mentionsTotal += ((Number) alert.summary()
                            .getOrDefault("mentions_total", alert.mentions().size()))
                    .longValue();
            for (Mention mention : alert.mentions()) {
                if (mentions.size() < Fatigue.MAX_MENTIONS_PER_NOTIFICATION) {
                    mentions.putIfAbsent(mention.key(), mention);
                }
            }
            if (alert.severity().isPresent()) {
                worst = worst.isEmpty()
                        ? alert.severity()
                        : Optional.of(List.of(worst.get(), alert.severity().get()).stream()
                                .max(Comparator.naturalOrder())
                                .orElseThrow());
            }
        }

        FiredAlert toAlert(AlertRule rule, Instant now) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("grouped", notifications);
            summary.put("held_because", because);
            summary.put("mentions_total", mentionsTotal);
            summary.put("reasons", List.copyOf(reasons));
            String why = because.equals("quiet_hours") ? "during quiet hours" : "by the hourly limit";
            String reason = notifications + " notification" + (notifications == 1 ? "" : "s") + " held " + why
                    + (reasons.isEmpty() ? "" : "; first: " + reasons.getFirst());
            return new FiredAlert(
                    0,
                    rule.id(),
                    rule.name(),
                    rule.kind(),
                    now,
                    reason,
                    worst,
                    List.copyOf(mentions.values()),
                    summary);
        }
    }
}
