package io.earshot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Spike detection on synthetic seasonal series with planted anomalies: six weeks of Poisson counts per minute
 * with a daily and a weekly rhythm, twelve spikes planted in the last two weeks, every minute of those two
 * weeks read as the engine reads it. Precision and recall are printed; docs/alerts.md quotes them.
 */
class SpikeDetectionQualityTest {

    private static final int DAY = 24 * 60;
    private static final int WEEKS = 6;
    private static final int WINDOW = 30;
    private static final int SPIKES = 12;
    private static final int SEEDS = 5;

    record Planted(long start, int minutes, double multiplier) {}

    record Quality(double precision, double recall, int detections, int falseAlarms) {}

    @Test
    void mediumSensitivityFindsPlantedSpikesWithFewFalseAlarms() {
        Quality low = evaluateSeeds(Sensitivity.LOW);
        Quality medium = evaluateSeeds(Sensitivity.MEDIUM);
        Quality high = evaluateSeeds(Sensitivity.HIGH);
        System.out.printf(
                "spike detection (window %d min, %d series x %d planted spikes, 2 weeks each read every minute):%n"
                        + "  low    precision %.2f recall %.2f (%d detections, %d false)%n"
                        + "  medium precision %.2f recall %.2f (%d detections, %d false)%n"
                        + "  high   precision %.2f recall %.2f (%d detections, %d false)%n",
                WINDOW,
                SEEDS,
                SPIKES,
                low.precision,
                low.recall,
                low.detections,
                low.falseAlarms,
                medium.precision,
                medium.recall,
                medium.detections,
                medium.falseAlarms,
                high.precision,
                high.recall,
                high.detections,
                high.falseAlarms);
        assertThat(medium.recall).isGreaterThanOrEqualTo(0.85);
        assertThat(medium.precision).isGreaterThanOrEqualTo(0.85);
        assertThat(low.precision).isGreaterThanOrEqualTo(medium.precision);
        assertThat(high.recall).isGreaterThanOrEqualTo(medium.recall);
    }

    /** Precision and recall over several independent series. */
    private static Quality evaluateSeeds(Sensitivity sensitivity) {
        int detections = 0;
        int falseAlarms = 0;
        double found = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Quality one = evaluate(sensitivity, seed);
            detections += one.detections;
            falseAlarms += one.falseAlarms;
            found += one.recall * SPIKES;
        }
        double precision = detections == 0 ? 1 : (detections - falseAlarms) / (double) detections;
        return new Quality(precision, found / (SPIKES * SEEDS), detections, falseAlarms);
    }

    @Test
    void theWeeklyRhythmAloneRaisesNoAlarm() {
        Quality quiet = evaluateSeries(Sensitivity.MEDIUM, 7, List.of());
        assertThat(quiet.detections).isZero();
    }

    private static Quality evaluate(Sensitivity sensitivity, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long firstRead = (long) (WEEKS - 2) * 7 * DAY;
        List<Planted> planted = new ArrayList<>();
        for (int i = 0; i < SPIKES; i++) {
            long start = firstRead + (long) i * (14 * DAY / SPIKES) + random.nextInt(DAY / 2);
            planted.add(new Planted(start, 20 + random.nextInt(40), 2.5 + random.nextDouble() * 2.5));
        }
        return evaluateSeries(sensitivity, seed, planted);
    }

    private static Quality evaluateSeries(Sensitivity sensitivity, long seed, List<Planted> planted) {
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        long end = (long) WEEKS * 7 * DAY;
        MinuteSeries series = new MinuteSeries(0);
        long firstRead = end - 14L * DAY;
        List<long[]> episodes = new ArrayList<>();
        long[] open = null;
        for (long minute = 0; minute < end; minute++) {
            double rate = rate(minute);
            for (Planted spike : planted) {
                if (minute >= spike.start() && minute < spike.start() + spike.minutes()) {
                    rate *= spike.multiplier();
                }
            }
            int count = poisson(random, rate);
            for (int i = 0; i < count; i++) {
                series.add(minute, Optional.empty());
            }
            if (minute + 1 >= firstRead) {
                Reading reading = Detectors.volume(series, minute + 1, WINDOW, sensitivity, 20);
                if (reading.anomalous()) {
                    if (open == null || minute - open[1] > WINDOW) {
                        open = new long[] {minute, minute};
                        episodes.add(open);
                    } else {
                        open[1] = minute;
                    }
                }
            }
        }
        int truePositives = 0;
        for (long[] episode : episodes) {
            boolean hit = planted.stream()
                    .anyMatch(spike ->
                            episode[0] >= spike.start() && episode[0] < spike.start() + spike.minutes() + WINDOW);
            truePositives += hit ? 1 : 0;
        }
        long found = planted.stream()
                .filter(spike -> episodes.stream()
                        .anyMatch(e -> e[0] >= spike.start() && e[0] < spike.start() + spike.minutes() + WINDOW))
                .count();
        double precision = episodes.isEmpty() ? 1 : truePositives / (double) episodes.size();
        double recall = planted.isEmpty() ? 1 : found / (double) planted.size();
        return new Quality(precision, recall, episodes.size(), episodes.size() - truePositives);
    }

    /** Two mentions a minute on average: low at night, high in the afternoon, lower at weekends. */
    private static double rate(long minute) {
        double hour = (minute % DAY) / 60.0;
        double daily = 1 + 0.7 * Math.sin((hour - 9) / 24 * 2 * Math.PI);
        long day = (minute / DAY) % 7;
        double weekly = day >= 5 ? 0.6 : 1.1;
        return 2 * daily * weekly;
    }

    private static int poisson(SplittableRandom random, double lambda) {
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
