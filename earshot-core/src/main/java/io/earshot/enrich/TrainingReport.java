package io.earshot.enrich;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a training run did: how many examples it learned from (corrections among them), how many it held
 * out, how the model did on those, and where the model went.
 *
 * @param heldOut the model's results on the held-out examples (or the given validation file), when any
 * @param seconds wall-clock time of the run (the only part of a run that is not reproducible)
 */
public record TrainingReport(
        String task,
        long seed,
        int trainingExamples,
        int corrections,
        int heldOutExamples,
        Optional<Evaluation> heldOut,
        Path model,
        long modelBytes,
        double seconds) {

    public TrainingReport {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(heldOut, "heldOut");
        Objects.requireNonNull(model, "model");
    }

    /** A few lines for a person: counts, then the held-out evaluation. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                java.util.Locale.ROOT,
                "%s model: %d training examples (%d corrections), %d held out, seed %d, %.1f s%n"
                        + "wrote %s (%d bytes)%n",
                task,
                trainingExamples,
                corrections,
                heldOutExamples,
                seed,
                seconds,
                model,
                modelBytes));
        heldOut.ifPresent(evaluation -> out.append("held out: ").append(evaluation.format()));
        return out.toString();
    }
}
