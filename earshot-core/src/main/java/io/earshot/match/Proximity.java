package io.earshot.match;

import io.earshot.domain.Span;
import java.util.Arrays;
import java.util.List;

/**
 * NEAR and ONEAR over a post's words, with the meaning of the Lucene intervals they compile to: the two
 * sides may not overlap, at most {@code distance - 1} words lie between them, and a NEAR used as a side is
 * measured by its minimal stretches (none containing another), as Lucene's intervals are.
 *
 * <p>A stretch of words is packed in a {@code long}: first position in the high half, last in the low half.
 */
final class Proximity {

    private static final long[] NONE = new long[0];

    private Proximity() {}

    static boolean matches(Plan.Near near, PostView post) {
        long[] left = intervals(near.left(), post);
        if (left.length == 0) {
            return false;
        }
        long[] right = intervals(near.right(), post);
        for (long a : left) {
            for (long b : right) {
                if (qualifies(near, a, b)) {
                    return true;
                }
            }
        }
        return false;
    }

    static void spans(Plan.Near near, PostView post, List<Span> out) {
        long[] left = intervals(near.left(), post);
        long[] right = intervals(near.right(), post);
        PostView.Tokens tokens = post.text;
        for (long a : left) {
            for (long b : right) {
                if (qualifies(near, a, b)) {
                    out.add(span(tokens, a));
                    out.add(span(tokens, b));
                }
            }
        }
    }

    private static boolean qualifies(Plan.Near near, long a, long b) {
        int gaps = near.distance() - 1;
        if (end(a) < start(b) && start(b) - end(a) - 1 <= gaps) {
            return true;
        }
        return !near.ordered() && end(b) < start(a) && start(a) - end(b) - 1 <= gaps;
    }

    private static long[] intervals(Plan plan, PostView post) {
        PostView.Tokens tokens = post.text;
        return switch (plan) {
            case Plan.Words words -> {
                int[] firsts = tokens.indexesOf(words.terms()[0]);
                long[] found = new long[firsts.length];
                int count = 0;
                for (int first : firsts) {
                    if (words.terms().length == 1 || words.phraseAt(tokens, first)) {
                        found[count++] =
                                pack(tokens.positions[first], tokens.positions[first + words.terms().length - 1]);
                    }
                }
                yield count == found.length ? found : Arrays.copyOf(found, count);
            }
            case Plan.Automaton automaton -> {
                long[] found = new long[tokens.size];
                int count = 0;
                for (int i = 0; i < tokens.size; i++) {
                    if (automaton.accepts(tokens.terms[i])) {
                        found[count++] = pack(tokens.positions[i], tokens.positions[i]);
                    }
                }
                yield Arrays.copyOf(found, count);
            }
            case Plan.Any any -> {
                long[] all = NONE;
                for (Plan should : any.should()) {
                    long[] more = intervals(should, post);
                    if (more.length > 0) {
                        long[] joined = Arrays.copyOf(all, all.length + more.length);
                        System.arraycopy(more, 0, joined, all.length, more.length);
                        all = joined;
                    }
                }
                yield all;
            }
            case Plan.Near near -> minimal(pairs(near, post));
            case Plan.Nothing nothing -> NONE;
            default -> throw new IllegalStateException("not a NEAR operand: " + plan);
        };
    }

    private static long[] pairs(Plan.Near near, PostView post) {
        long[] left = intervals(near.left(), post);
        long[] right = intervals(near.right(), post);
        long[] found = new long[left.length * right.length * (near.ordered() ? 1 : 2)];
        int count = 0;
        for (long a : left) {
            for (long b : right) {
                if (qualifies(near, a, b)) {
                    found[count++] = pack(Math.min(start(a), start(b)), Math.max(end(a), end(b)));
                }
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** Drops stretches that contain another one, and duplicates. */
    private static long[] minimal(long[] intervals) {
        long[] kept = new long[intervals.length];
        int count = 0;
        outer:
        for (int i = 0; i < intervals.length; i++) {
            long candidate = intervals[i];
            for (int j = 0; j < intervals.length; j++) {
                long other = intervals[j];
                boolean inside = start(other) >= start(candidate) && end(other) <= end(candidate);
                if (inside && (other != candidate || j < i)) {
                    continue outer;
                }
            }
            kept[count++] = candidate;
        }
        return Arrays.copyOf(kept, count);
    }

    private static Span span(PostView.Tokens tokens, long interval) {
        int first = tokens.indexAt(start(interval));
        int last = tokens.indexAt(end(interval));
        return new Span(tokens.starts[first], tokens.ends[last]);
    }

    private static long pack(int start, int end) {
        return ((long) start << 32) | (end & 0xffffffffL);
    }

    private static int start(long interval) {
        return (int) (interval >>> 32);
    }

    private static int end(long interval) {
        return (int) interval;
    }
}
