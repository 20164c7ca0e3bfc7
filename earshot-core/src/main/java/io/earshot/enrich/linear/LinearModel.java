package io.earshot.enrich.linear;

import io.earshot.enrich.text.FeatureSpec;
import io.earshot.enrich.text.FeatureVector;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A multinomial logistic regression over hashed text features: one weight per (bucket, class), stored
 * as IEEE half-precision floats (2 bytes each: a 2^18-bucket, 3-class model is 1.5 MB), plus float dense
 * weights and biases. Weights are rounded to half precision when the model is built, so a model in
 * memory scores exactly like the same model saved and loaded again. Immutable and thread-safe.
 *
 * <p>File format (big-endian): magic {@code EARSHOT-LINEAR}, format version, task name, labels,
 * {@link FeatureSpec}, lexicon checksum, dense count, then the weights. Loading checks each part and
 * fails with a message that says what is wrong.
 */
public final class LinearModel {

    private static final String MAGIC = "EARSHOT-LINEAR";
    private static final int VERSION = 1;

    private final String task;
    private final List<String> labels;
    private final FeatureSpec spec;
    private final long lexiconChecksum;
    private final short[] weights;
    // The half-precision weights widened once: scoring reads floats, saving writes the shorts.
    private final float[] wide;
    private final float[] dense;
    private final float[] bias;

    /**
     * @param weights {@code buckets × classes}, bucket-major
     * @param dense {@code denseCount × classes}
     */
    public LinearModel(
            String task,
            List<String> labels,
            FeatureSpec spec,
            long lexiconChecksum,
            float[] weights,
            float[] dense,
            float[] bias) {
        this(task, labels, spec, lexiconChecksum, toHalf(weights), dense.clone(), bias.clone());
    }

    private LinearModel(
            String task,
            List<String> labels,
            FeatureSpec spec,
            long lexiconChecksum,
            short[] weights,
            float[] dense,
            float[] bias) {
        this.task = Objects.requireNonNull(task, "task");
        this.labels = List.copyOf(labels);
        this.spec = Objects.requireNonNull(spec, "spec");
        this.lexiconChecksum = lexiconChecksum;
        if (this.labels.size() < 2) {
            throw new IllegalArgumentException("a classifier needs at least two labels");
        }
        int classes = this.labels.size();
        if (weights.length != spec.buckets() * classes || bias.length != classes || dense.length % classes != 0) {
            throw new IllegalArgumentException(
                    "weights do not match " + spec.buckets() + " buckets × " + classes + " classes");
        }
        this.weights = weights;
        this.wide = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            wide[i] = Float.float16ToFloat(weights[i]);
        }
        this.dense = dense;
        this.bias = bias;
    }

    public String task() {
        return task;
    }

    public List<String> labels() {
        return labels;
    }

    public FeatureSpec spec() {
        return spec;
    }

    public long lexiconChecksum() {
        return lexiconChecksum;
    }

    /** Class probabilities for one feature vector, written into {@code out} (length = classes). */
    public void probabilities(FeatureVector x, float[] out) {
        int classes = labels.size();
        System.arraycopy(bias, 0, out, 0, classes);
        for (int i = 0; i < x.size(); i++) {
            int base = x.index(i) * classes;
            float value = x.value(i);
            for (int k = 0; k < classes; k++) {
                out[k] += value * wide[base + k];
            }
        }
        float[] denseValues = x.dense();
        int denseCount = dense.length / classes;
        for (int j = 0; j < denseCount && j < denseValues.length; j++) {
            for (int k = 0; k < classes; k++) {
                out[k] += denseValues[j] * dense[j * classes + k];
            }
        }
        softmax(out, classes);
    }

    static void softmax(float[] scores, int classes) {
        float max = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            max = Math.max(max, scores[k]);
        }
        float sum = 0;
        for (int k = 0; k < classes; k++) {
            scores[k] = (float) StrictMath.exp(scores[k] - max);
            sum += scores[k];
        }
        for (int k = 0; k < classes; k++) {
            scores[k] /= sum;
        }
    }

    /** Writes the model; the same model always gives the same bytes. */
    public void save(OutputStream out) {
        try {
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
            data.writeUTF(MAGIC);
            data.writeInt(VERSION);
            data.writeUTF(task);
            data.writeInt(labels.size());
            for (String label : labels) {
                data.writeUTF(label);
            }
            data.writeInt(spec.bits());
            data.writeInt(spec.charMin());
            data.writeInt(spec.charMax());
            data.writeBoolean(spec.wordBigrams());
            data.writeInt(spec.maxChars());
            data.writeLong(lexiconChecksum);
            data.writeInt(dense.length);
            for (float value : bias) {
                data.writeFloat(value);
            }
            for (float value : dense) {
                data.writeFloat(value);
            }
            for (short value : weights) {
                data.writeShort(value);
            }
            data.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model", e);
        }
    }

    /** Writes the model to a file (creating its folder) and returns the file's size in bytes. */
    public long save(java.nio.file.Path file) {
        try {
            java.nio.file.Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
            try (OutputStream out = java.nio.file.Files.newOutputStream(file)) {
                save(out);
            }
            return java.nio.file.Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model to " + file, e);
        }
    }

    /** Reads a model written by {@link #save}; fails with {@link ModelFormatException} when it is not one. */
    public static LinearModel load(InputStream in) {
        try {
            DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16));
            String magic = data.readUTF();
            if (!magic.equals(MAGIC)) {
                throw new ModelFormatException("not an Earshot model file (it starts with '" + magic + "')");
            }
            int version = data.readInt();
            if (version != VERSION) {
                throw new ModelFormatException("model format version " + version
                        + " is not supported (this build reads " + VERSION + "); retrain it with 'earshot train'");
            }
            String task = data.readUTF();
            int classes = data.readInt();
            if (classes < 2 || classes > 64) {
                throw new ModelFormatException("corrupt model: " + classes + " classes");
            }
            List<String> labels = new ArrayList<>();
            for (int k = 0; k < classes; k++) {
                labels.add(data.readUTF());
            }
            FeatureSpec spec;
            try {
                spec = new FeatureSpec(
                        data.readInt(), data.readInt(), data.readInt(), data.readBoolean(), data.readInt());
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException("corrupt model: " + e.getMessage());
            }
            long checksum = data.readLong();
            int denseLength = data.readInt();
            if (denseLength < 0 || denseLength > 4096 || denseLength % classes != 0) {
                throw new ModelFormatException("corrupt model: " + denseLength + " dense weights");
            }
            float[] bias = new float[classes];
            for (int k = 0; k < classes; k++) {
                bias[k] = data.readFloat();
            }
            float[] dense = new float[denseLength];
            for (int j = 0; j < denseLength; j++) {
                dense[j] = data.readFloat();
            }
            short[] weights = new short[spec.buckets() * classes];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = data.readShort();
            }
            return new LinearModel(task, labels, spec, checksum, weights, dense, bias);
        } catch (EOFException e) {
            throw new ModelFormatException("the model file is truncated");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model", e);
        }
    }

    private static short[] toHalf(float[] weights) {
        short[] half = new short[weights.length];
        for (int i = 0; i < weights.length; i++) {
            half[i] = Float.floatToFloat16(weights[i]);
        }
        return half;
    }
}
