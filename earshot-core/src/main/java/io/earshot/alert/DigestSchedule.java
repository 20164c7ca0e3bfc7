package io.earshot.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * When a digest is due, in the rule's time zone: hourly at {@code at}'s minute, daily at {@code at}, weekly on
 * {@code day} at {@code at}. Local times follow daylight saving: a 09:00 digest in Europe/Berlin goes at 08:00
 * UTC in winter and 07:00 UTC in summer; a local time skipped by the spring change goes at the first instant
 * after the gap, and one that happens twice in autumn goes once (the earlier).
 */
public final class DigestSchedule {

    private DigestSchedule() {}

    /** The first time the digest is due strictly after {@code after}. */
    public static Instant nextAfter(Condition.Digest digest, Instant after) {
        ZonedDateTime local = after.atZone(digest.zone());
        return switch (digest.frequency()) {
            case HOURLY -> {
                ZonedDateTime candidate = local.truncatedTo(ChronoUnit.HOURS)
                        .withMinute(digest.at().getMinute());
                yield (candidate.toInstant().isAfter(after) ? candidate : candidate.plusHours(1)).toInstant();
            }
            case DAILY -> {
                LocalDate date = local.toLocalDate();
                Instant today = at(digest, date);
                yield today.isAfter(after) ? today : at(digest, date.plusDays(1));
            }
            case WEEKLY -> {
                LocalDate date = local.toLocalDate().with(TemporalAdjusters.nextOrSame(digest.day()));
                Instant candidate = at(digest, date);
                yield candidate.isAfter(after) ? candidate : at(digest, date.plusWeeks(1));
            }
        };
    }

    /** The length of one period: what "since the last digest" means for the first digest of a rule. */
    public static Duration period(Condition.Digest digest) {
        return switch (digest.frequency()) {
            case HOURLY -> Duration.ofHours(1);
            case DAILY -> Duration.ofDays(1);
            case WEEKLY -> Duration.ofDays(7);
        };
    }

    private static Instant at(Condition.Digest digest, LocalDate date) {
        // ZonedDateTime.of moves a time in a spring gap forward and picks the earlier of an autumn overlap
        return ZonedDateTime.of(date, digest.at(), digest.zone()).toInstant();
    }
}
