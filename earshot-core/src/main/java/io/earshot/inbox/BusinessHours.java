package io.earshot.inbox;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a team works, in its own time zone: one window per weekday (minutes from local midnight, {@code 1440}
 * is the end of the day) and holidays. SLA clocks run only inside these windows.
 *
 * <p>All arithmetic goes through the zone's rules for each day, so a window on the day clocks change is as long
 * as it really is (09:00–17:00 is 8 hours every day; 00:00–24:00 is 23 hours on a spring-forward day).
 */
public record BusinessHours(ZoneId zone, Map<DayOfWeek, Window> days, Set<LocalDate> holidays) {

    /** The longest a search for the next working minute goes: beyond this a target is unreachable. */
    private static final int MAX_DAYS = 3 * 366;

    /** A working window, in minutes from local midnight: {@code [start, end)}. */
    public record Window(int startMinute, int endMinute) {
        public Window {
            if (startMinute < 0 || endMinute > 1440 || startMinute >= endMinute) {
                throw new IllegalArgumentException(
                        "a working window is HH:MM-HH:MM with the start before the end (24:00 ends the day)");
            }
        }

        /** Parses {@code 09:00-17:30}. */
        public static Window parse(String text) {
            String[] parts = text.strip().split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a working window looks like 09:00-17:00, got '" + text + "'");
            }
            return new Window(minute(parts[0]), minute(parts[1]));
        }

        private static int minute(String text) {
            String[] hm = text.strip().split(":");
            try {
                int hours = Integer.parseInt(hm[0]);
                int minutes = hm.length > 1 ? Integer.parseInt(hm[1]) : 0;
                if (hm.length > 2
                        || hours < 0
                        || hours > 24
                        || minutes < 0
                        || minutes > 59
                        || (hours == 24 && minutes > 0)) {
                    throw new NumberFormatException();
                }
                return hours * 60 + minutes;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a time of day looks like 09:00 or 24:00, got '" + text + "'");
            }
        }

        @Override
        public String toString() {
            return String.format(
                    java.util.Locale.ROOT,
                    "%02d:%02d-%02d:%02d",
                    startMinute / 60,
                    startMinute % 60,
                    endMinute / 60,
                    endMinute % 60);
        }
    }

    public BusinessHours {
        Objects.requireNonNull(zone, "zone");
        days = Map.copyOf(days);
        holidays = Set.copyOf(holidays);
    }

    /** Every minute of every day, in UTC. */
    public static BusinessHours always() {
        Map<DayOfWeek, Window> all = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            all.put(day, new Window(0, 1440));
        }
        return new BusinessHours(ZoneId.of("UTC"), all, Set.of());
    }

    /** Monday to Friday, {@code window} each day, in {@code zone}. */
    public static BusinessHours weekdays(ZoneId zone, Window window) {
        Map<DayOfWeek, Window> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                week.put(day, window);
            }
        }
        return new BusinessHours(zone, week, Set.of());
    }

    /**
     * The instant at which {@code work} of working time has passed since {@code start}; empty when the hours
     * never open (no working day) within three years.
     */
    public Optional<Instant> plus(Instant start, Duration work) {
        Duration left = work;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            Optional<Instant[]> open = window(day);
            if (open.isEmpty() || !open.get()[1].isAfter(start)) {
                continue;
            }
            Instant from = open.get()[0].isAfter(start) ? open.get()[0] : start;
            Duration available = Duration.between(from, open.get()[1]);
            if (left.compareTo(available) <= 0) {
                return Optional.of(from.plus(left));
            }
            left = left.minus(available);
        }
        return Optional.empty();
    }

    /** Working time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            Optional<Instant[]> open = window(day);
            if (open.isEmpty()) {
                continue;
            }
            Instant start = open.get()[0].isAfter(from) ? open.get()[0] : from;
            Instant end = open.get()[1].isBefore(to) ? open.get()[1] : to;
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    /** Whether the team is working at {@code at}. */
    public boolean isOpen(Instant at) {
        return window(at.atZone(zone).toLocalDate())
                .filter(open -> !at.isBefore(open[0]) && at.isBefore(open[1]))
                .isPresent();
    }

    /** The day's window as instants (a local time in a DST gap moves forward, as the zone's rules say). */
    private Optional<Instant[]> window(LocalDate day) {
        Window window = days.get(day.getDayOfWeek());
        if (window == null || holidays.contains(day)) {
            return Optional.empty();
        }
        return Optional.of(new Instant[] {at(day, window.startMinute()), at(day, window.endMinute())});
    }

    private Instant at(LocalDate day, int minute) {
        if (minute == 1440) {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return ZonedDateTime.of(day, LocalTime.of(minute / 60, minute % 60), zone)
                .toInstant();
    }
}
