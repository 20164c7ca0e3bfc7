package io.earshot.alert;

import io.earshot.enrich.sentiment.SentimentLabel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts of a rule's mentions per minute over the last {@link #DAYS} days (total, negative, positive), in a
 * ring of fixed size: ~700 KB per spike or shift rule, whatever the volume. The series knows from which minute
 * on it has seen everything ({@link #coveredFrom}), so a baseline never reads a minute it did not watch as a
 * quiet one. Not thread-safe: the engine's thread owns it.
 */
public final class MinuteSeries {

    /** Four weeks for the weekly baseline, and one day of slack. */
    public static final int DAYS = 29;

    private static final int SLOTS = DAYS * 24 * 60;

    private final long[] slotMinute = new long[SLOTS];
    private final int[] total = new int[SLOTS];
    private final int[] negative = new int[SLOTS];
    private final int[] positive = new int[SLOTS];
    private final Map<Long, Counts> dirty = new HashMap<>();
    private long coveredFrom;

    /** Counts of one span of minutes. */
    public record Counts(long total, long negative, long positive) {
        public static final Counts ZERO = new Counts(0, 0, 0);

        public long of(SentimentLabel label) {
            return switch (label) {
                case NEGATIVE -> negative;
                case POSITIVE -> positive;
                case NEUTRAL -> total - negative - positive;
            };
        }
    }

    /** An empty series that has watched everything since {@code coveredFrom} (epoch minutes). */
    public MinuteSeries(long coveredFrom) {
        Arrays.fill(slotMinute, Long.MIN_VALUE);
        this.coveredFrom = coveredFrom;
    }

    public long coveredFrom() {
        return coveredFrom;
    }

    /** Widens the watched span backwards (after counting older mentions from the archive). */
    public void coverFrom(long minute) {
        coveredFrom = Math.min(coveredFrom, minute);
    }

    /** Counts one mention in its minute; minutes older than the ring are ignored. */
    public void add(long minute, Optional<SentimentLabel> sentiment) {
        int slot = slot(minute);
        if (slotMinute[slot] != minute) {
            if (slotMinute[slot] > minute) {
                return;
            }
            slotMinute[slot] = minute;
            total[slot] = 0;
            negative[slot] = 0;
            positive[slot] = 0;
        }
        total[slot]++;
        sentiment.ifPresent(label -> {
            if (label == SentimentLabel.NEGATIVE) {
                negative[slot]++;
            } else if (label == SentimentLabel.POSITIVE) {
                positive[slot]++;
            }
        });
        dirty.put(minute, new Counts(total[slot], negative[slot], positive[slot]));
    }

    /** Restores a stored minute (after a restart). */
    public void load(long minute, Counts counts) {
        int slot = slot(minute);
        if (slotMinute[slot] > minute) {
            return;
        }
        slotMinute[slot] = minute;
        total[slot] = (int) counts.total();
        negative[slot] = (int) counts.negative();
        positive[slot] = (int) counts.positive();
    }

    /** Counts of the minutes {@code [from, to)}. */
    public Counts sum(long from, long to) {
        long t = 0;
        long n = 0;
        long p = 0;
        for (long minute = Math.max(from, to - SLOTS); minute < to; minute++) {
            int slot = slot(minute);
            if (slotMinute[slot] == minute) {
                t += total[slot];
                n += negative[slot];
                p += positive[slot];
            }
        }
        return new Counts(t, n, p);
    }

    /** Whether every minute of {@code [from, to)} was watched and is still in the ring. */
    public boolean covers(long from, long to, long now) {
        return from >= coveredFrom && from >= now - SLOTS && to <= now + 1;
    }

    /** The minutes changed since the last call, for the store. */
    public Map<Long, Counts> drainChanged() {
        Map<Long, Counts> changed = Map.copyOf(dirty);
        dirty.clear();
        return changed;
    }

    private static int slot(long minute) {
        return (int) Math.floorMod(minute, (long) SLOTS);
    }
}
