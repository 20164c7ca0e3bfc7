package io.earshot.enrich.emotion;

import io.earshot.enrich.linear.LinearModel;
import io.earshot.enrich.linear.ModelFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A trained emotion model: a {@link LinearModel} whose labels are anger, joy, optimism, sadness.
 * {@link #shipped()} is the model trained by {@link EmotionTrainer} on TweetEval's emotion training set
 * and committed as the resource {@value #RESOURCE}.
 */
public final class EmotionModel {

    /** Where the shipped model lives on the classpath. */
    public static final String RESOURCE = "/io/earshot/enrich/emotion/emotion-model.bin";

    static final String TASK = "emotion";
    static final List<String> LABELS =
            Arrays.stream(EmotionLabel.values()).map(EmotionLabel::id).toList();

    private final LinearModel linear;

    EmotionModel(LinearModel linear) {
        if (!linear.task().equals(TASK) || !linear.labels().equals(LABELS)) {
            throw new ModelFormatException(
                    "not an emotion model: task '" + linear.task() + "' with labels " + linear.labels());
        }
        this.linear = linear;
    }

    /** The model that ships with Earshot. */
    public static EmotionModel shipped() {
        return Holder.SHIPPED;
    }

    /** Reads a model saved by {@link #save} or written by {@link EmotionTrainer}. */
    public static EmotionModel load(InputStream in) {
        return new EmotionModel(LinearModel.load(in));
    }

    /** Reads a model file. */
    public static EmotionModel load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the emotion model " + file, e);
        }
    }

    public void save(OutputStream out) {
        linear.save(out);
    }

    public LinearModel linear() {
        return linear;
    }

    private static final class Holder {
        static final EmotionModel SHIPPED = loadResource();

        private static EmotionModel loadResource() {
            try (InputStream in = EmotionModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "the shipped emotion model is missing from the classpath: " + RESOURCE);
                }
                return load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the shipped emotion model", e);
            }
        }
    }
}
