package io.earshot.enrich;

import java.util.List;
import java.util.Locale;

/**
 * How well predicted labels agree with gold labels: accuracy, per-class precision/recall/F1, their macro
 * averages (each class counts the same, however rare — the metric of the TweetEval benchmarks), and the
 * confusion matrix (rows: gold, columns: predicted). Immutable.
 */
public final class Evaluation {

    private final List<String> labels;
    private final long[][] confusion;
    private final long total;

    private Evaluation(List<String> labels, long[][] confusion) {
        this.labels = List.copyOf(labels);
        this.confusion = confusion;
        long sum = 0;
        for (long[] row : confusion) {
            for (long cell : row) {
                sum += cell;
            }
        }
        this.total = sum;
    }

    /** Compares gold and predicted class indices (into {@code labels}), pairwise. */
    public static Evaluation of(List<String> labels, int[] gold, int[] predicted) {
        if (gold.length != predicted.length) {
            throw new IllegalArgumentException("gold and predicted differ in length");
        }
        long[][] confusion = new long[labels.size()][labels.size()];
        for (int i = 0; i < gold.length; i++) {
            confusion[gold[i]][predicted[i]]++;
        }
        return new Evaluation(labels, confusion);
    }

    public List<String> labels() {
        return labels;
    }

    /** How many examples were compared. */
    public long count() {
        return total;
    }

    /** How often gold {@code goldClass} was predicted as {@code predictedClass}. */
    public long confusion(int goldClass, int predictedClass) {
        return confusion[goldClass][predictedClass];
    }

    public double accuracy() {
        long right = 0;
        for (int k = 0; k < labels.size(); k++) {
            right += confusion[k][k];
        }
        return total == 0 ? 0 : (double) right / total;
    }

    public double precision(int k) {
        long predicted = 0;
        for (long[] row : confusion) {
            predicted += row[k];
        }
        return predicted == 0 ? 0 : (double) confusion[k][k] / predicted;
    }

    public double recall(int k) {
        long gold = 0;
        for (long cell : confusion[k]) {
            gold += cell;
        }
        return gold == 0 ? 0 : (double) confusion[k][k] / gold;
    }

    public double f1(int k) {
        double p = precision(k);
        double r = recall(k);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double macroRecall() {
        double sum = 0;
        for (int k = 0; k < labels.size(); k++) {
            sum += recall(k);
        }
        return sum / labels.size();
    }

    public double macroF1() {
        double sum = 0;
        for (int k = 0; k < labels.size(); k++) {
            sum += f1(k);
        }
        return sum / labels.size();
    }

    /** A plain-text report: the headline metrics, a per-class table and the confusion matrix. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "examples %d  macro-recall %.4f  macro-F1 %.4f  accuracy %.4f%n",
                total,
                macroRecall(),
                macroF1(),
                accuracy()));
        out.append(
                String.format(Locale.ROOT, "%-10s %9s %9s %9s %8s%n", "class", "precision", "recall", "F1", "support"));
        for (int k = 0; k < labels.size(); k++) {
            long support = 0;
            for (long cell : confusion[k]) {
                support += cell;
            }
            out.append(String.format(
                    Locale.ROOT,
                    "%-10s %9.4f %9.4f %9.4f %8d%n",
                    labels.get(k),
                    precision(k),
                    recall(k),
                    f1(k),
                    support));
        }
        out.append("confusion (rows gold, columns predicted):").append(System.lineSeparator());
        out.append(String.format(Locale.ROOT, "%-10s", ""));
        for (String label : labels) {
            out.append(String.format(Locale.ROOT, " %9s", label));
        }
        out.append(System.lineSeparator());
        for (int k = 0; k < labels.size(); k++) {
            out.append(String.format(Locale.ROOT, "%-10s", labels.get(k)));
            for (long cell : confusion[k]) {
                out.append(String.format(Locale.ROOT, " %9d", cell));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
