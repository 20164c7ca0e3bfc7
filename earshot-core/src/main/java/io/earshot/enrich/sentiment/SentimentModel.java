package io.earshot.enrich.sentiment;

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
 * A trained sentiment model: a {@link LinearModel} whose labels are {@code positive}, {@code neutral},
 * {@code negative}. {@link #shipped()} is the model trained by {@link SentimentTrainer} on the SemEval
 * 2013–2016 tweets and committed as the resource {@value #RESOURCE}.
 */
public final class SentimentModel {

    /** Where the shipped model lives on the classpath. */
    public static final String RESOURCE = "/io/earshot/enrich/sentiment/sentiment-model.bin";

    static final String TASK = "sentiment";
    static final List<String> LABELS =
            Arrays.stream(SentimentLabel.values()).map(SentimentLabel::id).toList();

    private final LinearModel linear;

    SentimentModel(LinearModel linear) {
        if (!linear.task().equals(TASK) || !linear.labels().equals(LABELS)) {
            throw new ModelFormatException(
                    "not a sentiment model: task '" + linear.task() + "' with labels " + linear.labels());
        }
        this.linear = linear;
    }

    /** The model that ships with Earshot. */
    public static SentimentModel shipped() {
        return Holder.SHIPPED;
    }

    /** Reads a model saved by {@link #save} or written by {@link SentimentTrainer}. */
    public static SentimentModel load(InputStream in) {
        return new SentimentModel(LinearModel.load(in));
    }

    /** Reads a model file. */
    public static SentimentModel load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sentiment model " + file, e);
        }
    }

    public void save(OutputStream out) {
        linear.save(out);
    }

    public LinearModel linear() {
        return linear;
    }

    private static final class Holder {
        static final SentimentModel SHIPPED = loadResource();

        private static SentimentModel loadResource() {
            try (InputStream in = SentimentModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "the shipped sentiment model is missing from the classpath: " + RESOURCE);
                }
                return load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the shipped sentiment model", e);
            }
        }
    }
}
