package io.earshot.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a case stands against its team's SLA, at one instant: a timer for the response the author waits for,
 * and one for the resolution. Times remaining are working time; negative when overdue.
 */
public record SlaState(Optional<Timer> response, Optional<Timer> resolution) {

    /** Below this share of its target left, a running timer is at risk. */
    static final double AT_RISK_SHARE = 0.25;

    public SlaState {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(resolution, "resolution");
    }

    public static final SlaState NONE = new SlaState(Optional.empty(), Optional.empty());

    /** The case's SLA standing, as the {@code sla=} filter of the inbox names it. */
    public enum Standing {
        NONE,
        OK,
        AT_RISK,
        BREACHED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Standing fromId(String id) {
            return switch (id.strip().toLowerCase(Locale.ROOT)) {
                case "none" -> NONE;
                case "ok" -> OK;
                case "at_risk", "at-risk" -> AT_RISK;
                case "breached" -> BREACHED;
                default -> throw new IllegalArgumentException("sla is ok, at_risk, breached or none, got '" + id + "'");
            };
        }
    }

    /**
     * One SLA clock.
     *
     * @param target the working time promised
     * @param startedAt when the clock started
     * @param due when the target runs out (empty when the team never works)
     * @param stoppedAt when it was met (a reply sent, the case resolved), if it was
     * @param remaining working time left at the instant of the reading (negative: overdue)
     */
    public record Timer(
            Duration target,
            Instant startedAt,
            Optional<Instant> due,
            Optional<Instant> stoppedAt,
            Duration remaining) {

        public boolean running() {
            return stoppedAt.isEmpty();
        }

        public boolean breached() {
            return due.isPresent()
                    && (stoppedAt.isPresent() ? stoppedAt.get().isAfter(due.get()) : remaining.isNegative());
        }

        boolean atRisk() {
            return running() && !breached() && remaining.toMillis() < target.toMillis() * AT_RISK_SHARE;
        }
    }

    public Standing standing() {
        if (response.isEmpty() && resolution.isEmpty()) {
            return Standing.NONE;
        }
        boolean breached = response.stream().anyMatch(Timer::breached)
                || resolution.stream().anyMatch(Timer::breached);
        if (breached) {
            return Standing.BREACHED;
        }
        boolean atRisk =
                response.stream().anyMatch(Timer::atRisk) || resolution.stream().anyMatch(Timer::atRisk);
        return atRisk ? Standing.AT_RISK : Standing.OK;
    }

    /**
     * Reads a case's timers at {@code now}. The response clock runs from the oldest unanswered message (after the
     * first reply, from each new unanswered message); the resolution clock from the start of the current round.
     */
    public static SlaState of(Case c, Optional<Team> team, Instant now) {
        if (team.isEmpty()) {
            return NONE;
        }
        SlaTarget target = team.get().slas().get(c.priority());
        if (target == null) {
            return NONE;
        }
        BusinessHours hours = team.get().hours();
        Optional<Timer> response = target.firstResponse().map(goal -> {
            Instant started = c.awaitingSince().orElse(c.openedAt());
            Optional<Instant> stopped = c.awaitingSince().isPresent() ? Optional.empty() : c.firstResponseAt();
            if (c.awaitingSince().isEmpty() && c.firstResponseAt().isEmpty()) {
                // nothing waits and nobody answered: the case was closed without a reply
                stopped = c.resolvedAt().or(() -> Optional.of(now));
            }
            return timer(hours, goal, started, stopped, now);
        });
        Optional<Timer> resolution = target.resolution()
                .map(goal -> timer(
                        hours,
                        goal,
                        c.cycleStartedAt(),
                        c.status() == CaseStatus.RESOLVED ? c.resolvedAt() : Optional.empty(),
                        now));
        return new SlaState(response, resolution);
    }

    private static Timer timer(
            BusinessHours hours, Duration goal, Instant started, Optional<Instant> stopped, Instant now) {
        Optional<Instant> due = hours.plus(started, goal);
        Instant reading = stopped.orElse(now);
        Duration remaining = due.map(deadline -> reading.isAfter(deadline)
                        ? hours.between(deadline, reading)
                                .negated()
                                .minusMillis(hours.between(deadline, reading).isZero() ? 1 : 0)
                        : hours.between(reading, deadline))
                .orElse(goal);
        return new Timer(goal, started, due, stopped, remaining);
    }
}
