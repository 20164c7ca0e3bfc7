package io.earshot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DigestScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Condition.Digest digest(Condition.Frequency frequency, LocalTime at, ZoneId zone) {
        return new Condition.Digest(frequency, at, zone, DayOfWeek.MONDAY, 10);
    }

    @Test
    void aDailyDigestKeepsItsLocalTimeAcrossTheAutumnChange() {
        Condition.Digest nine = digest(Condition.Frequency.DAILY, LocalTime.of(9, 0), BERLIN);
        // summer time (UTC+2) until Sunday 25 October 2026, 03:00 local
        Instant saturday = DigestSchedule.nextAfter(nine, Instant.parse("2026-10-24T06:00:00Z"));
        assertThat(saturday).isEqualTo(Instant.parse("2026-10-24T07:00:00Z"));
        Instant sunday = DigestSchedule.nextAfter(nine, saturday);
        assertThat(sunday).isEqualTo(Instant.parse("2026-10-25T08:00:00Z"));
        assertThat(DigestSchedule.nextAfter(nine, sunday)).isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
    }

    @Test
    void aTimeSkippedInSpringGoesRightAfterTheGapAndARepeatedOneOnce() {
        Condition.Digest halfPastTwo = digest(Condition.Frequency.DAILY, LocalTime.of(2, 30), BERLIN);
        // 29 March 2026: 02:00 local jumps to 03:00
        assertThat(DigestSchedule.nextAfter(halfPastTwo, Instant.parse("2026-03-28T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        // 25 October 2026: 02:30 local happens twice; the digest goes at the first
        Instant first = DigestSchedule.nextAfter(halfPastTwo, Instant.parse("2026-10-24T12:00:00Z"));
        assertThat(first).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(DigestSchedule.nextAfter(halfPastTwo, first)).isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));
    }

    @Test
    void weeklyAndHourlyDigests() {
        Condition.Digest monday =
                digest(Condition.Frequency.WEEKLY, LocalTime.of(8, 15), ZoneId.of("America/New_York"));
        // Thursday 26 November 2026 → Monday 30 November, 08:15 EST = 13:15 UTC
        assertThat(DigestSchedule.nextAfter(monday, Instant.parse("2026-11-26T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-30T13:15:00Z"));
        Condition.Digest hourly = digest(Condition.Frequency.HOURLY, LocalTime.of(0, 5), ZoneId.of("Asia/Kolkata"));
        // Kolkata is UTC+5:30: minute 05 local is minute 35 UTC
        assertThat(DigestSchedule.nextAfter(hourly, Instant.parse("2026-11-26T10:40:00Z")))
                .isEqualTo(Instant.parse("2026-11-26T11:35:00Z"));
    }
}
