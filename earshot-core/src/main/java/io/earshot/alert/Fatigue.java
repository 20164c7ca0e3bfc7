package io.earshot.alert;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule's anti-fatigue settings: what keeps people from switching alerts off.
 *
 * @param maxPerHour the most notifications the rule sends in any hour; more are held and sent as one grouped
 *     notification when the hour allows again (0 = no limit)
 * @param quietHours a nightly window in which notifications are held and then sent as one, except
 *     critical spikes and shifts when {@link QuietHours#letCriticalThrough()}
 * @param groupWindow how long new matches are gathered into one notification ({@code every_match},
 *     {@code influencer}); the first match of a quiet period is never held longer than this
 */
public record Fatigue(int maxPerHour, Optional<QuietHours> quietHours, Duration groupWindow) {

    /** The defaults: 30 notifications an hour, no quiet hours, matches gathered for one second. */
    public static final Fatigue DEFAULT = new Fatigue(30, Optional.empty(), Duration.ofSeconds(1));

    /** Also the most mentions one notification carries; a notification of more says how many there were. */
    public static final int MAX_MENTIONS_PER_NOTIFICATION = 50;

    public Fatigue {
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(groupWindow, "groupWindow");
        if (maxPerHour < 0 || maxPerHour > 100_000) {
            throw new IllegalArgumentException("max_per_hour must be 0 (no limit) to 100000, got " + maxPerHour);
        }
        if (groupWindow.isNegative() || groupWindow.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("group_window must be 0 to 10 minutes, got " + groupWindow);
        }
    }

    /**
     * Local times between which notifications wait; {@code start} after {@code end} spans midnight
     * ({@code 22:00}–{@code 07:00}).
     */
    public record QuietHours(LocalTime start, LocalTime end, ZoneId zone, boolean letCriticalThrough) {
        public QuietHours {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(zone, "zone");
            if (start.equals(end)) {
                throw new IllegalArgumentException("quiet hours need a start different from their end");
            }
        }

        /** Whether {@code at} (in the rule's time zone) falls in the quiet window. */
        public boolean contains(ZonedDateTime at) {
            LocalTime local = at.withZoneSameInstant(zone).toLocalTime();
            return start.isBefore(end)
                    ? !local.isBefore(start) && local.isBefore(end)
                    : !local.isBefore(start) || local.isBefore(end);
        }

        /** When the quiet window that contains {@code at} ends. */
        public ZonedDateTime endAfter(ZonedDateTime at) {
            ZonedDateTime local = at.withZoneSameInstant(zone);
            ZonedDateTime end = local.toLocalDate().atTime(this.end).atZone(zone);
            return end.isAfter(local)
                    ? end
                    : local.toLocalDate().plusDays(1).atTime(this.end).atZone(zone);
        }
    }
}
