package io.earshot.enrich.linear;

import io.earshot.enrich.text.FeatureSpec;
import io.earshot.enrich.text.FeatureVector;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fits a {@link LinearModel} by stochastic gradient descent on the multinomial logistic loss, with
 * AdaGrad step sizes (rare features, like most hashed n-grams, keep large steps; common ones settle).
 *
 * <p>Deterministic: examples are visited in an order drawn from the seed, every sum runs in a fixed
 * order, and Java's float arithmetic is the same on every JVM, so the same inputs give a model that
 * saves to the same bytes.
 */
public final class LinearTrainer {

    private LinearTrainer() {}

    /**
     * @param examples feature vectors (all from the same {@link FeatureSpec})
     * @param classes each example's class, an index into {@code labels}
     */
    public static LinearModel train(
            String task,
            List<String> labels,
            FeatureSpec spec,
            long lexiconChecksum,
            List<FeatureVector> examples,
            int[] classes,
            TrainingOptions options) {
        if (examples.size() != classes.length) {
            throw new IllegalArgumentException("one class per example");
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        int k = labels.size();
        int denseCount = examples.get(0).dense().length;
        float[] weights = new float[spec.buckets() * k];
        float[] weightSquares = new float[weights.length];
        float[] dense = new float[denseCount * k];
        float[] denseSquares = new float[dense.length];
        float[] bias = new float[k];
        float[] biasSquares = new float[k];
        float[] classWeight = classWeights(classes, k, options.classBalance());
        float[] scores = new float[k];
        float[] gradient = new float[k];
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(options.seed());
        float rate = options.learningRate();
        float l2 = options.l2();
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            shuffle(order, random);
            for (int position : order) {
                FeatureVector x = examples.get(position);
                int y = classes[position];
                score(x, weights, dense, bias, k, scores);
                LinearModel.softmax(scores, k);
                float weight = classWeight[y];
                for (int c = 0; c < k; c++) {
                    gradient[c] = weight * (scores[c] - (c == y ? 1f : 0f));
                }
                for (int i = 0; i < x.size(); i++) {
                    int base = x.index(i) * k;
                    float value = x.value(i);
                    for (int c = 0; c < k; c++) {
                        int at = base + c;
                        float g = gradient[c] * value + l2 * weights[at];
                        weightSquares[at] += g * g;
                        weights[at] -= rate * g / (float) Math.sqrt(weightSquares[at] + 1e-8f);
                    }
                }
                float[] denseValues = x.dense();
                for (int j = 0; j < denseCount; j++) {
                    for (int c = 0; c < k; c++) {
                        int at = j * k + c;
                        float g = gradient[c] * denseValues[j];
                        denseSquares[at] += g * g;
                        dense[at] -= rate * g / (float) Math.sqrt(denseSquares[at] + 1e-8f);
                    }
                }
                for (int c = 0; c < k; c++) {
                    biasSquares[c] += gradient[c] * gradient[c];
                    bias[c] -= rate * gradient[c] / (float) Math.sqrt(biasSquares[c] + 1e-8f);
                }
            }
        }
        return new LinearModel(task, labels, spec, lexiconChecksum, weights, dense, bias);
    }

    private static void score(FeatureVector x, float[] weights, float[] dense, float[] bias, int k, float[] out) {
        System.arraycopy(bias, 0, out, 0, k);
        for (int i = 0; i < x.size(); i++) {
            int base = x.index(i) * k;
            float value = x.value(i);
            for (int c = 0; c < k; c++) {
                out[c] += value * weights[base + c];
            }
        }
        float[] denseValues = x.dense();
        for (int j = 0; j < denseValues.length; j++) {
            for (int c = 0; c < k; c++) {
                out[c] += denseValues[j] * dense[j * k + c];
            }
        }
    }

    // n / (k · n_c), raised to the balance power and scaled so that the average example weighs 1.
    private static float[] classWeights(int[] classes, int k, float balance) {
        int[] counts = new int[k];
        for (int c : classes) {
            counts[c]++;
        }
        float[] weights = new float[k];
        double total = 0;
        for (int c = 0; c < k; c++) {
            weights[c] =
                    counts[c] == 0 ? 0f : (float) StrictMath.pow((double) classes.length / (k * counts[c]), balance);
            total += weights[c] * counts[c];
        }
        for (int c = 0; c < k; c++) {
            weights[c] = (float) (weights[c] * classes.length / total);
        }
        return weights;
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
