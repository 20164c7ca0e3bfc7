package io.earshot.source.feed;

import java.time.Duration;

/** Sizes and durations the way a person writes them in a reason: {@code 10 MiB}, {@code 10 s}, {@code 250 ms}. */
final class Sizes {

    private Sizes() {}

    static String human(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }

    static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000 || millis % 1_000 != 0) {
            return millis < 10_000 ? millis + " ms" : Math.round(millis / 1_000.0) + " s";
        }
        long seconds = millis / 1_000;
        if (seconds >= 120 && seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }
}
