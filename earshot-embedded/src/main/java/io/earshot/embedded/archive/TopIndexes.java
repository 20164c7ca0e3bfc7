package io.earshot.embedded.archive;

import java.util.Comparator;
import java.util.PriorityQueue;

/** Picks the best few of many counted values, by index into the count arrays. */
final class TopIndexes {

    private TopIndexes() {}

    /** Up to {@code limit} indexes passing {@code keep}, highest {@code key} first; ties in index (value) order. */
    static int[] best(int size, int limit, IntPredicate keep, IntToDouble key) {
        Comparator<Integer> worstFirst =
                Comparator.<Integer>comparingDouble(key::apply).thenComparing(Comparator.<Integer>reverseOrder());
        PriorityQueue<Integer> queue = new PriorityQueue<>(worstFirst);
        for (int g = 0; g < size; g++) {
            if (!keep.test(g)) {
                continue;
            }
            if (queue.size() < limit) {
                queue.add(g);
            } else if (worstFirst.compare(g, queue.peek()) > 0) {
                queue.poll();
                queue.add(g);
            }
        }
        int[] best = new int[queue.size()];
        for (int i = best.length - 1; i >= 0; i--) {
            best[i] = queue.poll();
        }
        return best;
    }

    @FunctionalInterface
    interface IntPredicate {
        boolean test(int value);
    }

    @FunctionalInterface
    interface IntToDouble {
        double apply(int value);
    }
}
