package io.earshot.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-read path gives what the formatter gives, for valid, odd and hostile timestamps. */
class Rfc3339Test {

    @Test
    void readsTheShapesNetworksSend() {
        assertThat(Rfc3339.parse("2026-11-27T02:13:53.205Z")).contains(Instant.parse("2026-11-27T02:13:53.205Z"));
        assertThat(Rfc3339.parse("2026-11-27T02:13:53Z")).contains(Instant.parse("2026-11-27T02:13:53Z"));
        assertThat(Rfc3339.parse("2026-11-27t02:13:53.123456789z"))
                .contains(Instant.parse("2026-11-27T02:13:53.123456789Z"));
        assertThat(Rfc3339.parse("2026-11-27T03:13:53.5+01:00")).contains(Instant.parse("2026-11-27T02:13:53.500Z"));
        assertThat(Rfc3339.parse("2026-11-26T20:43:53-05:30")).contains(Instant.parse("2026-11-27T02:13:53Z"));
        assertThat(Rfc3339.parse("2024-02-29T00:00:00Z")).contains(Instant.parse("2024-02-29T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "2026-11-27",
                "2026-11-27T02:13:53",
                "2026-11-27T02:13:53.1234567890Z",
                "2026-02-30T00:00:00Z",
                "2025-02-29T00:00:00Z",
                "2026-13-01T00:00:00Z",
                "2026-11-27T24:00:00Z",
                "2026-11-27T02:60:00Z",
                "2026-11-27T02:13:53+19:00",
                "2026-11-27T02:13:53+01:60",
                "2026-11-27T02:13:53+0100",
                "2026-11-27T02:13:53.205ZZ",
                "２０２６-11-27T02:13:53Z",
                "2026-11-27 02:13:53Z",
                "2026-11-27T02:13:53.205Z\u0000"
            })
    void refusesWhatIsNotAValidTimestamp(String text) {
        assertThat(Rfc3339.parse(text)).isEqualTo(formatter(text)).isEmpty();
    }

    @Test
    void oddShapesTheFormatterTakesAreTaken() {
        // a point without digits, a year before the common era: rare, left to the formatter
        assertThat(Rfc3339.parse("2026-11-27T02:13:53.Z")).contains(Instant.parse("2026-11-27T02:13:53Z"));
        assertThat(Rfc3339.parse("-2026-11-27T02:13:53Z"))
                .isEqualTo(formatter("-2026-11-27T02:13:53Z"))
                .isPresent();
    }

    @Test
    void refusesOversizedText() {
        assertThat(Rfc3339.parse("2026-11-27T02:13:53." + "1".repeat(100) + "Z"))
                .isEmpty();
    }

    @Test
    void agreesWithTheFormatterOnRandomTimestampsAndMutations() {
        Random random = new Random(3339);
        String digits = "0123456789";
        String noise = "0123456789-:T.Zz+ tx";
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(-62_000_000_000L, 250_000_000_000L);
            int nanos = random.nextInt(1_000_000_000);
            int offsetMinutes = random.nextInt(-18 * 60, 18 * 60 + 1);
            String text = OffsetDateTime.ofInstant(
                            Instant.ofEpochSecond(second, nanos),
                            java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60))
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            assertThat(Rfc3339.parse(text)).as(text).isEqualTo(formatter(text));
            char[] mutated = text.toCharArray();
            int position = random.nextInt(mutated.length);
            String pool = random.nextBoolean() ? digits : noise;
            mutated[position] = pool.charAt(random.nextInt(pool.length()));
            String odd = new String(mutated);
            assertThat(Rfc3339.parse(odd)).as(odd).isEqualTo(formatter(odd));
        }
    }

    private static Optional<Instant> formatter(String text) {
        if (text.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                            .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
