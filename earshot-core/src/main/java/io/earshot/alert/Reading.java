package io.earshot.alert;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a spike or shift detector read in the window that just ended: the figures, and whether they make an
 * anomaly. {@code baseline} says what the window was compared with, in words.
 *
 * @param observed the window's count (spikes) or share (shifts)
 * @param expected the baseline's count or share
 * @param z how many standard deviations above the baseline
 * @param pValue one-sided p-value of {@code z} under the normal approximation
 * @param windowCount mentions in the window
 * @param anomalous whether the rule's sensitivity, minimum volume (and minimum shift) are all met
 * @param severity for an anomaly, from the size of the deviation
 * @param baseline what the window was compared with, or why there is no baseline yet
 */
public record Reading(
        double observed,
        double expected,
        double z,
        double pValue,
        long windowCount,
        boolean anomalous,
        Optional<Severity> severity,
        String baseline) {

    /** No baseline yet (the rule has not watched long enough): never anomalous. */
    static Reading learning(long windowCount, String why) {
        return new Reading(windowCount, 0, 0, 1, windowCount, false, Optional.empty(), why);
    }

    /** The figures as they go into a notification's summary. */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("observed", round(observed));
        summary.put("expected", round(expected));
        summary.put("z", round(z));
        summary.put("p_value", pValue);
        summary.put("window_mentions", windowCount);
        summary.put("baseline", baseline);
        return summary;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
