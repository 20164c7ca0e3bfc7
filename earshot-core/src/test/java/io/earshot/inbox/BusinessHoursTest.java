package io.earshot.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SLA arithmetic: working time across evenings, weekends, holidays and both clock changes of the year. */
class BusinessHoursTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final BusinessHours OFFICE =
            BusinessHours.weekdays(PARIS, BusinessHours.Window.parse("09:00-17:00"));

    @Test
    void aTargetThatRunsPastFridayEveningResumesOnMondayMorning() {
        // Friday 27 Nov 2026, 16:00 in Paris (UTC+1) + 2 working hours = Monday 10:00
        assertThat(OFFICE.plus(Instant.parse("2026-11-27T15:00:00Z"), Duration.ofHours(2)))
                .contains(Instant.parse("2026-11-30T09:00:00Z"));
    }

    @Test
    void theClockWaitsForTheDayToStart() {
        // Monday 07:00 local: nothing counts before 09:00
        assertThat(OFFICE.plus(Instant.parse("2026-11-30T06:00:00Z"), Duration.ofMinutes(30)))
                .contains(Instant.parse("2026-11-30T08:30:00Z"));
        assertThat(OFFICE.between(Instant.parse("2026-11-30T06:00:00Z"), Instant.parse("2026-11-30T08:30:00Z")))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void holidaysDoNotCount() {
        BusinessHours christmas = new BusinessHours(PARIS, OFFICE.days(), Set.of(LocalDate.parse("2026-12-25")));
        // Thursday 24 Dec 16:30 + 1h: 30 minutes on Thursday, Friday is a holiday, 30 minutes on Monday
        assertThat(christmas.plus(Instant.parse("2026-12-24T15:30:00Z"), Duration.ofHours(1)))
                .contains(Instant.parse("2026-12-28T08:30:00Z"));
    }

    @Test
    void springForwardWeekendKeepsLocalOfficeHours() {
        // Friday 27 Mar 2026 16:00 CET (UTC+1); clocks go forward on Sunday 29 Mar; Monday 10:00 is CEST (UTC+2)
        assertThat(OFFICE.plus(Instant.parse("2026-03-27T15:00:00Z"), Duration.ofHours(2)))
                .contains(Instant.parse("2026-03-30T08:00:00Z"));
    }

    @Test
    void fallBackWeekendKeepsLocalOfficeHours() {
        // Friday 23 Oct 2026 16:00 CEST (UTC+2); clocks go back on Sunday 25 Oct; Monday 10:00 is CET (UTC+1)
        assertThat(OFFICE.plus(Instant.parse("2026-10-23T14:00:00Z"), Duration.ofHours(2)))
                .contains(Instant.parse("2026-10-26T09:00:00Z"));
    }

    @Test
    void aRoundTheClockTeamCountsRealHoursOnTheShortAndTheLongDay() {
        Map<DayOfWeek, BusinessHours.Window> always = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            always.put(day, BusinessHours.Window.parse("00:00-24:00"));
        }
        BusinessHours paris = new BusinessHours(PARIS, always, Set.of());
        // 24 hours from Saturday noon, across the 23-hour Sunday: Sunday 13:00 local, not 12:00
        assertThat(paris.plus(Instant.parse("2026-03-28T11:00:00Z"), Duration.ofHours(24)))
                .contains(Instant.parse("2026-03-29T11:00:00Z"));
        assertThat(paris.between(
                        Instant.parse("2026-03-29T00:00:00Z").minusSeconds(3600),
                        Instant.parse("2026-03-30T00:00:00Z").minusSeconds(7200)))
                .isEqualTo(Duration.ofHours(23));
        assertThat(paris.between(Instant.parse("2026-10-24T22:00:00Z"), Instant.parse("2026-10-25T23:00:00Z")))
                .isEqualTo(Duration.ofHours(25));
    }

    @Test
    void aNightWindowOnTheChangeNightIsAsLongAsItReallyIs() {
        Map<DayOfWeek, BusinessHours.Window> sundays =
                Map.of(DayOfWeek.SUNDAY, BusinessHours.Window.parse("01:00-04:00"));
        BusinessHours night = new BusinessHours(PARIS, sundays, Set.of());
        // 02:00-03:00 does not exist on 29 March, and happens twice on 25 October
        assertThat(night.between(Instant.parse("2026-03-28T00:00:00Z"), Instant.parse("2026-03-30T00:00:00Z")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(night.between(Instant.parse("2026-10-24T00:00:00Z"), Instant.parse("2026-10-26T00:00:00Z")))
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void plusAndBetweenAgreeInNewYorkAcrossTheYear() {
        BusinessHours newYork =
                BusinessHours.weekdays(ZoneId.of("America/New_York"), BusinessHours.Window.parse("08:30-18:00"));
        Instant start = Instant.parse("2026-01-02T20:00:00Z");
        for (int day = 0; day < 365; day += 5) {
            Instant from = start.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(37L * day));
            Duration work = Duration.ofMinutes(90 + 53L * day % 1200);
            Instant due = newYork.plus(from, work).orElseThrow();
            assertThat(newYork.between(from, due)).as("from %s", from).isEqualTo(work);
            assertThat(newYork.isOpen(due.minusSeconds(1))).isTrue();
        }
    }

    @Test
    void hoursThatNeverOpenNeverComeDue() {
        BusinessHours closed = new BusinessHours(PARIS, Map.of(), Set.of());
        assertThat(closed.plus(Instant.parse("2026-11-27T15:00:00Z"), Duration.ofHours(1)))
                .isEmpty();
    }
}
