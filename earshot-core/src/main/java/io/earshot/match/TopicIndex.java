package io.earshot.match;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Where {@link CompiledTopicMatcher} files its topics: each compiled topic in a numbered slot, and each
 * slot under its {@link Presearch} keys. One writer at a time (the methods that change it are synchronized);
 * readers never lock.
 *
 * <p>Why a change is never half-seen: a new version of a topic is filed before the old one is unfiled, and
 * an unfiled slot keeps its entry for a grace period, so a reader that found either version's slot can
 * still check it (a post may then find both, and the matcher reports the topic once). Slots are not reused,
 * so a stale slot never leads to another topic; each costs a few bytes for good.
 */
final class TopicIndex {

    /**
     * A topic as filed: its id, its compiled plan, the keys it is filed under (empty: every post), and the
     * most edits any of its fuzzy words allows (0: none).
     */
    record Entry(long topicId, Plan plan, Optional<Set<Presearch.Key>> keys, int maxEdits) {}

    private record Retired(int slot, long at) {}

    private static final int[] NONE = new int[0];
    private static final long GRACE_NANOS = 5_000_000_000L;

    private final Map<Presearch.Kind, Map<String, int[]>> postings = new EnumMap<>(Presearch.Kind.class);
    private final Map<String, Map<String, int[]>> keywordPostings = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();

    private volatile Entry[] slots = new Entry[1024];
    private volatile int[] always = NONE;
    private volatile int maxEdits;
    /** Bit n set: some wildcard is filed under an n-character prefix (never cleared: a miss costs a lookup). */
    private volatile int prefixLengths;
    /** Code points of the shortest deletion key and of the longest fuzzy word: tokens outside cannot match. */
    private volatile int fuzzyMinLength = Integer.MAX_VALUE;

    private volatile int fuzzyMaxLength;

    // guarded by `this`
    private final Map<Long, Integer> slotOfTopic = new HashMap<>();
    private final ArrayDeque<Retired> retired = new ArrayDeque<>();
    private int nextSlot;

    TopicIndex() {
        for (Presearch.Kind kind : Presearch.Kind.values()) {
            postings.put(kind, new ConcurrentHashMap<>());
        }
    }

    synchronized void put(Entry entry) {
        int slot = nextSlot++;
        Entry[] table = slots;
        if (slot >= table.length) {
            table = Arrays.copyOf(table, table.length * 2);
        }
        table[slot] = entry;
        slots = table; // publishes the entry before any key can lead a reader to it
        file(slot, entry, true);
        Integer previous = slotOfTopic.put(entry.topicId(), slot);
        if (previous != null) {
            unfile(previous);
        }
        version.incrementAndGet();
        forgetRetired();
    }

    synchronized void remove(long topicId) {
        Integer slot = slotOfTopic.remove(topicId);
        if (slot != null) {
            unfile(slot);
            version.incrementAndGet();
        }
        forgetRetired();
    }

    synchronized int size() {
        return slotOfTopic.size();
    }

    /** Changes with every put and remove: what a reader's caches of lookups are valid for. */
    long version() {
        return version.get();
    }

    Entry[] slots() {
        return slots;
    }

    int[] always() {
        return always;
    }

    private void unfile(int slot) {
        file(slot, slots[slot], false);
        retired.add(new Retired(slot, System.nanoTime()));
    }

    private void forgetRetired() {
        long now = System.nanoTime();
        Entry[] table = slots;
        while (!retired.isEmpty() && now - retired.peek().at() > GRACE_NANOS) {
            table[retired.poll().slot()] = null;
        }
    }

    private void file(int slot, Entry entry, boolean add) {
        if (entry.keys().isEmpty()) {
            always = add ? append(always, slot) : without(always, slot);
            return;
        }
        for (Presearch.Key key : entry.keys().get()) {
            if (add && key.kind() == Presearch.Kind.PREFIX) {
                prefixLengths |= 1 << key.value().length();
            }
            if (add && key.kind() == Presearch.Kind.DELETION) {
                // the longest deletion key is the fuzzy word itself, the shortest its shortest reach
                int codePoints = key.value().codePointCount(0, key.value().length());
                fuzzyMinLength = Math.min(fuzzyMinLength, codePoints);
                fuzzyMaxLength = Math.max(fuzzyMaxLength, codePoints);
                maxEdits = Math.max(maxEdits, entry.maxEdits());
            }
            Map<String, int[]> map = postings.get(key.kind());
            String value = key.value();
            if (key.kind() == Presearch.Kind.KEYWORD) {
                // filed by field, then value: a post's values are looked up without building keys
                int split = value.indexOf('\u0000');
                map = keywordPostings.computeIfAbsent(value.substring(0, split), field -> new ConcurrentHashMap<>());
                value = value.substring(split + 1);
            }
            map.compute(value, (k, list) -> {
                int[] current = list == null ? NONE : list;
                int[] changed = add ? append(current, slot) : without(current, slot);
                return changed.length == 0 ? null : changed;
            });
        }
    }

    /** Every slot filed under a key that this text token produces: as a word, a prefix, a piece, a deletion. */
    void slotsForToken(String term, IntConsumer out) {
        offer(postings.get(Presearch.Kind.WORD).get(term), out);
        Map<String, int[]> prefixes = postings.get(Presearch.Kind.PREFIX);
        if (!prefixes.isEmpty()) {
            int lengths = prefixLengths;
            for (int length = 2; length <= Math.min(term.length(), Presearch.MAX_PREFIX); length++) {
                if ((lengths & (1 << length)) != 0) {
                    offer(prefixes.get(term.substring(0, length)), out);
                }
            }
        }
        Map<String, int[]> grams = postings.get(Presearch.Kind.GRAM);
        if (!grams.isEmpty()) {
            for (int start = 0; start + Presearch.GRAM <= term.length(); start++) {
                offer(grams.get(term.substring(start, start + Presearch.GRAM)), out);
            }
        }
        Map<String, int[]> deletions = postings.get(Presearch.Kind.DELETION);
        int edits = maxEdits;
        if (!deletions.isEmpty() && withinFuzzyReach(term, edits)) {
            Presearch.forEachDeletion(term, edits, deletion -> offer(deletions.get(deletion), out));
        }
    }

    void slotsForTitleToken(String term, IntConsumer out) {
        offer(postings.get(Presearch.Kind.TITLE).get(term), out);
    }

    boolean hasTitleKeys() {
        return !postings.get(Presearch.Kind.TITLE).isEmpty();
    }

    boolean hasKeywordKeys() {
        return !keywordPostings.isEmpty();
    }

    /** Every slot filed under one of these values of a keyword field. */
    void slotsForKeywords(String field, Iterable<String> values, IntConsumer out) {
        Map<String, int[]> byValue = keywordPostings.get(field);
        if (byValue != null && !byValue.isEmpty()) {
            for (String value : values) {
                offer(byValue.get(value), out);
            }
        }
    }

    /** Whether a token's length (in code points) is within {@code edits} of some fuzzy word's. */
    private boolean withinFuzzyReach(String term, int edits) {
        if (term.length() < fuzzyMinLength) {
            return false; // chars >= code points
        }
        return term.length() <= fuzzyMaxLength + edits
                || term.codePointCount(0, term.length()) <= fuzzyMaxLength + edits;
    }

    private static void offer(int[] slots, IntConsumer out) {
        if (slots != null) {
            for (int slot : slots) {
                out.accept(slot);
            }
        }
    }

    private static int[] append(int[] list, int value) {
        int[] longer = Arrays.copyOf(list, list.length + 1);
        longer[list.length] = value;
        return longer;
    }

    private static int[] without(int[] list, int value) {
        for (int i = 0; i < list.length; i++) {
            if (list[i] == value) {
                int[] shorter = new int[list.length - 1];
                System.arraycopy(list, 0, shorter, 0, i);
                System.arraycopy(list, i + 1, shorter, i, list.length - i - 1);
                return shorter;
            }
        }
        return list;
    }
}
