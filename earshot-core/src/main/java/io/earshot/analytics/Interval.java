package io.earshot.analytics;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The width of a volume bucket; days start at local midnight of the requested time zone. */
public enum Interval {
    MINUTE(ChronoUnit.MINUTES),
    HOUR(ChronoUnit.HOURS),
    DAY(ChronoUnit.DAYS);

    private final ChronoUnit unit;

    Interval(ChronoUnit unit) {
        this.unit = unit;
    }

    public ChronoUnit unit() {
        return unit;
    }

    public Duration nominal() {
        return unit.getDuration();
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Interval fromId(String id) {
        for (Interval interval : values()) {
            if (interval.id().equalsIgnoreCase(id.strip())) {
                return interval;
            }
        }
        throw new IllegalArgumentException("unknown interval '" + id + "'; expected minute, hour or day");
    }
}
