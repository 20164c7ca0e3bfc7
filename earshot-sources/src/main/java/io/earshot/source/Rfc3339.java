package io.earshot.source;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * RFC 3339 timestamps ({@code 2026-11-27T02:13:53.205Z}, {@code ...+01:00}) as instants, for the connectors whose
 * wire formats carry them (Jetstream, Mastodon). Every post carries one, and {@link DateTimeFormatter} took ~12 µs
 * of the ~40 µs a Jetstream line cost to map (JFR, docs/benchmarks.md "Alert latency"), so the usual shape is read
 * by hand and anything else goes to the formatter, which stays the judge of what is valid: both give the same
 * instant or both refuse.
 */
public final class Rfc3339 {

    private static final int MAX_LENGTH = 64;

    private Rfc3339() {}

    /** The instant written, or empty when the text is not a valid RFC 3339 timestamp (or is over 64 characters). */
    public static Optional<Instant> parse(String text) {
        if (text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Instant fast = fastPath(text);
        if (fast != null) {
            return Optional.of(fast);
        }
        try {
            // RFC 3339 allows a lower-case 't' and 'z'
            return Optional.of(
                    OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                            .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:mm)} with valid fields; {@code null} (not a result: "ask the
     * formatter") for any other text, including valid ones this does not read, such as a leap second.
     */
    private static Instant fastPath(String s) {
        int length = s.length();
        if (length < 20
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || (s.charAt(10) != 'T' && s.charAt(10) != 't')
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0
                || month < 0
                || day < 0
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (s.charAt(at) == '.') {
            int start = ++at;
            while (at < length && at - start < 9 && isDigit(s.charAt(at))) {
                nanos = nanos * 10 + (s.charAt(at) - '0');
                at++;
            }
            if (at == start || (at < length && isDigit(s.charAt(at)))) {
                return null; // no digits, or more than nine
            }
            for (int scale = at - start; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (at == length - 1 && (s.charAt(at) == 'Z' || s.charAt(at) == 'z')) {
            offsetSeconds = 0;
        } else if (at == length - 6 && (s.charAt(at) == '+' || s.charAt(at) == '-') && s.charAt(at + 3) == ':') {
            int offsetHours = digits(s, at + 1, 2);
            int offsetMinutes = digits(s, at + 4, 2);
            if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59) {
                return null;
            }
            offsetSeconds = (offsetHours * 60 + offsetMinutes) * 60;
            if (offsetSeconds > 18 * 3600) {
                return null;
            }
            if (s.charAt(at) == '-') {
                offsetSeconds = -offsetSeconds;
            }
        } else {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null; // February 30th and the like: the formatter refuses it with its own message
        }
        long epochSecond = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** The number written with {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
