package io.earshot.inbox;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What a team promises for one priority, in working time: a first response, and a resolution. */
public record SlaTarget(Optional<Duration> firstResponse, Optional<Duration> resolution) {

    public SlaTarget {
        Objects.requireNonNull(firstResponse, "firstResponse");
        Objects.requireNonNull(resolution, "resolution");
        firstResponse.ifPresent(SlaTarget::positive);
        resolution.ifPresent(SlaTarget::positive);
    }

    public static SlaTarget of(Duration firstResponse, Duration resolution) {
        return new SlaTarget(Optional.of(firstResponse), Optional.of(resolution));
    }

    private static void positive(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("an SLA target must be longer than zero, e.g. \"4h\" or \"30m\"");
        }
    }

    /** Parses {@code 45m}, {@code 4h}, {@code 1h30m} (working time) or an ISO-8601 duration such as {@code PT4H}. */
    public static Duration parseDuration(String text) {
        String value = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (value.startsWith("pt")) {
                return Duration.parse(value.toUpperCase(java.util.Locale.ROOT));
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:(\\d+)h)?\\s*(?:(\\d+)m)?")
                    .matcher(value);
            if (!value.isEmpty() && m.matches() && (m.group(1) != null || m.group(2) != null)) {
                long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
                long minutes = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
                return Duration.ofHours(hours).plusMinutes(minutes);
            }
        } catch (RuntimeException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(
                "an SLA target is working time such as \"30m\", \"4h\" or \"1h30m\", got '" + text + "'");
    }
}
