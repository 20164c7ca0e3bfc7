package io.earshot.alert;

import java.util.Locale;

/**
 * How easily a spike or shift fires. Each level is a z-score the window must reach against its baseline and a
 * ratio to the expected value it must also reach (so that a huge topic does not fire on a statistically
 * significant but meaningless 5% rise). The figures were chosen on synthetic seasonal series with planted
 * anomalies (see {@code docs/alerts.md}).
 */
public enum Sensitivity {
    LOW(5.0, 2.0),
    MEDIUM(3.5, 1.5),
    HIGH(2.5, 1.3);

    private final double minZ;
    private final double minRatio;

    Sensitivity(double minZ, double minRatio) {
        this.minZ = minZ;
        this.minRatio = minRatio;
    }

    public double minZ() {
        return minZ;
    }

    public double minRatio() {
        return minRatio;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Sensitivity fromId(String id) {
        for (Sensitivity level : values()) {
            if (level.id().equalsIgnoreCase(id.strip())) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown sensitivity '" + id + "'; expected low, medium or high");
    }
}
