package io.earshot.enrich.text;

import java.util.Arrays;

/**
 * The features of one text: sparse hashed indices with values, plus a few dense features. A scratch
 * object: {@link #clear} and refill it; not thread-safe, so each thread uses its own.
 */
public final class FeatureVector {

    // A tweet has about 400 features (most of them character n-grams): room for that without growing.
    private int[] indices = new int[512];
    private float[] values = new float[512];
    private int size;
    private final float[] dense;

    public FeatureVector(int denseCount) {
        this.dense = new float[denseCount];
    }

    public void clear() {
        size = 0;
        Arrays.fill(dense, 0f);
    }

    void add(int index, float value) {
        if (size == indices.length) {
            indices = Arrays.copyOf(indices, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        indices[size] = index;
        values[size] = value;
        size++;
    }

    void scaleSparse(float factor) {
        for (int i = 0; i < size; i++) {
            values[i] *= factor;
        }
    }

    public int size() {
        return size;
    }

    public int index(int i) {
        return indices[i];
    }

    public float value(int i) {
        return values[i];
    }

    /** The dense features, shared with this vector (not a copy). */
    public float[] dense() {
        return dense;
    }

    /** A compact immutable copy, for holding a whole training set in memory. */
    public FeatureVector copy() {
        FeatureVector copy = new FeatureVector(dense.length);
        copy.indices = Arrays.copyOf(indices, size);
        copy.values = Arrays.copyOf(values, size);
        copy.size = size;
        System.arraycopy(dense, 0, copy.dense, 0, dense.length);
        return copy;
    }
}
