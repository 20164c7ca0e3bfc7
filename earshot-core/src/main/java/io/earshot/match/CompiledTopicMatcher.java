package io.earshot.match;

import io.earshot.domain.Post;
import io.earshot.domain.Span;
import io.earshot.domain.TopicMatch;
import io.earshot.query.QueryNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fast live matcher. Each topic is compiled into a {@link Plan} (the same meaning as its Lucene query)
 * and filed under {@link Presearch} keys; a post is analysed once, its keys pick the few topics worth
 * checking, and only those are checked, on the analysed words, without building a Lucene index per post.
 *
 * <p>Thread-safe: {@link #match} may run on several threads at once while topics are put and removed. A
 * topic being replaced is seen either before or after the change, never missing; each topic appears at most
 * once per post.
 */
public final class CompiledTopicMatcher implements TopicMatcher {

    /** A topic as filed: its id, its compiled plan, and the keys it is filed under (empty: every post). */
    private record Entry(long topicId, Plan plan, Optional<Set<Presearch.Key>> keys) {}

    private static final int[] NONE = new int[0];

    private final PlanCompiler compiler = new PlanCompiler();
    private final Presearch presearch = new Presearch();
    private final Map<Presearch.Kind, Map<String, int[]>> postings = new EnumMap<>(Presearch.Kind.class);
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    // written under the lock of `this`; read without it by match()
    private volatile Entry[] slots = new Entry[1024];
    private volatile int[] always = NONE;
    private volatile int maxEdits;

    // guarded by `this`
    private final Map<Long, Integer> slotOfTopic = new HashMap<>();
    private final ArrayDeque<Integer> freeSlots = new ArrayDeque<>();
    private int nextSlot;

    public CompiledTopicMatcher() {
        for (Presearch.Kind kind : Presearch.Kind.values()) {
            postings.put(kind, new ConcurrentHashMap<>());
        }
    }

    @Override
    public void put(long topicId, QueryNode query) {
        Objects.requireNonNull(query, "query");
        Plan plan = compiler.compile(query);
        Entry entry = new Entry(topicId, plan, presearch.keys(plan));
        synchronized (this) {
            int slot = freeSlots.isEmpty() ? nextSlot++ : freeSlots.pop();
            Entry[] table = slots;
            if (slot >= table.length) {
                table = Arrays.copyOf(table, Math.max(slot + 1, table.length * 2));
            }
            table[slot] = entry;
            slots = table; // publishes the entry before any key can lead a reader to it
            file(slot, entry, true);
            Integer previous = slotOfTopic.put(topicId, slot);
            if (previous != null) {
                unfile(previous);
            }
        }
    }

    @Override
    public void remove(long topicId) {
        synchronized (this) {
            Integer slot = slotOfTopic.remove(topicId);
            if (slot != null) {
                unfile(slot);
            }
        }
    }

    private void unfile(int slot) {
        Entry[] table = slots;
        Entry old = table[slot];
        file(slot, old, false);
        table[slot] = null;
        slots = table;
        freeSlots.push(slot);
    }

    private void file(int slot, Entry entry, boolean add) {
        if (entry.keys().isEmpty()) {
            always = add ? append(always, slot) : without(always, slot);
            return;
        }
        for (Presearch.Key key : entry.keys().get()) {
            postings.get(key.kind()).compute(key.value(), (k, list) -> {
                int[] changed =
                        add ? append(list == null ? NONE : list, slot) : without(list == null ? NONE : list, slot);
                return changed.length == 0 ? null : changed;
            });
        }
        if (add) {
            maxEdits = Math.max(maxEdits, fuzzyEdits(entry.plan()));
        }
    }

    private static int fuzzyEdits(Plan plan) {
        return switch (plan) {
            case Plan.Automaton automaton -> automaton.maxEdits();
            case Plan.All all ->
                Arrays.stream(all.must())
                        .mapToInt(CompiledTopicMatcher::fuzzyEdits)
                        .max()
                        .orElse(0);
            case Plan.Any any ->
                Arrays.stream(any.should())
                        .mapToInt(CompiledTopicMatcher::fuzzyEdits)
                        .max()
                        .orElse(0);
            case Plan.Near near -> Math.max(fuzzyEdits(near.left()), fuzzyEdits(near.right()));
            default -> 0;
        };
    }

    @Override
    public List<List<TopicMatch>> match(List<Post> posts) {
        List<List<TopicMatch>> result = new ArrayList<>(posts.size());
        Scratch work = scratch.get();
        for (Post post : posts) {
            result.add(match(post, work));
        }
        return List.copyOf(result);
    }

    private List<TopicMatch> match(Post post, Scratch work) {
        PostView view = PostView.of(post);
        Entry[] table = slots;
        work.begin(table.length);
        collectCandidates(view, work);
        for (int slot : always) {
            work.offer(slot);
        }
        List<TopicMatch> matches = null;
        for (int i = 0; i < work.count; i++) {
            int slot = work.candidates[i];
            Entry entry = slot < table.length ? table[slot] : null;
            if (entry == null) {
                // filed after this post began, into a grown table: look again
                Entry[] fresh = slots;
                entry = slot < fresh.length ? fresh[slot] : null;
            }
            if (entry == null || !entry.plan().matches(view)) {
                continue;
            }
            if (matches == null) {
                matches = new ArrayList<>();
            }
            List<Span> spans = new ArrayList<>();
            entry.plan().spans(view, spans);
            matches.add(new TopicMatch(entry.topicId(), Highlights.merge(spans)));
        }
        if (matches == null) {
            return List.of();
        }
        matches.sort((a, b) -> Long.compare(a.topicId(), b.topicId()));
        // while a topic is being replaced, its old and new entries may both be found: report it once
        List<TopicMatch> unique = new ArrayList<>(matches.size());
        for (TopicMatch match : matches) {
            if (unique.isEmpty() || unique.get(unique.size() - 1).topicId() != match.topicId()) {
                unique.add(match);
            }
        }
        return List.copyOf(unique);
    }

    private void collectCandidates(PostView view, Scratch work) {
        Map<String, int[]> words = postings.get(Presearch.Kind.WORD);
        Map<String, int[]> prefixes = postings.get(Presearch.Kind.PREFIX);
        Map<String, int[]> grams = postings.get(Presearch.Kind.GRAM);
        Map<String, int[]> deletions = postings.get(Presearch.Kind.DELETION);
        Map<String, int[]> titles = postings.get(Presearch.Kind.TITLE);
        Map<String, int[]> keywords = postings.get(Presearch.Kind.KEYWORD);
        boolean anyPrefix = !prefixes.isEmpty();
        boolean anyGram = !grams.isEmpty();
        int edits = deletions.isEmpty() ? 0 : maxEdits;
        PostView.Tokens text = view.text;
        for (int i = 0; i < text.size; i++) {
            String term = text.terms[i];
            work.offerAll(words.get(term));
            if (anyPrefix && term.length() >= 2) {
                work.offerAll(prefixes.get(term.substring(0, 2)));
                if (term.length() >= Presearch.MAX_PREFIX) {
                    work.offerAll(prefixes.get(term.substring(0, Presearch.MAX_PREFIX)));
                }
            }
            if (anyGram) {
                for (int start = 0; start + Presearch.GRAM <= term.length(); start++) {
                    work.offerAll(grams.get(term.substring(start, start + Presearch.GRAM)));
                }
            }
            if (edits > 0) {
                for (String deletion : Presearch.deletions(term, edits)) {
                    work.offerAll(deletions.get(deletion));
                }
            }
        }
        if (!titles.isEmpty() && view.post.title().isPresent()) {
            PostView.Tokens title = view.title();
            for (int i = 0; i < title.size; i++) {
                work.offerAll(titles.get(title.terms[i]));
            }
        }
        if (!keywords.isEmpty()) {
            for (Map.Entry<String, Set<String>> field : view.keywords().entrySet()) {
                for (String value : field.getValue()) {
                    work.offerAll(keywords.get(Presearch.keyword(field.getKey(), value)));
                }
            }
        }
    }

    @Override
    public synchronized int topicCount() {
        return slotOfTopic.size();
    }

    @Override
    public void close() {
        // nothing held outside the heap
    }

    /** Per-thread buffers: candidate slots of the current post, deduplicated with a stamp per slot. */
    private static final class Scratch {
        int[] stamps = new int[1024];
        int stamp;
        int[] candidates = new int[256];
        int count;

        void begin(int slotCount) {
            if (stamps.length < slotCount) {
                stamps = new int[slotCount];
                stamp = 0;
            }
            if (++stamp == Integer.MAX_VALUE) {
                Arrays.fill(stamps, 0);
                stamp = 1;
            }
            count = 0;
        }

        void offerAll(int[] slots) {
            if (slots != null) {
                for (int slot : slots) {
                    offer(slot);
                }
            }
        }

        void offer(int slot) {
            if (slot >= stamps.length) {
                stamps = Arrays.copyOf(stamps, Math.max(slot + 1, stamps.length * 2));
            }
            if (stamps[slot] != stamp) {
                stamps[slot] = stamp;
                if (count == candidates.length) {
                    candidates = Arrays.copyOf(candidates, count * 2);
                }
                candidates[count++] = slot;
            }
        }
    }

    private static int[] append(int[] list, int value) {
        int[] longer = Arrays.copyOf(list, list.length + 1);
        longer[list.length] = value;
        return longer;
    }

    private static int[] without(int[] list, int value) {
        int at = -1;
        for (int i = 0; i < list.length; i++) {
            if (list[i] == value) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return list;
        }
        int[] shorter = new int[list.length - 1];
        System.arraycopy(list, 0, shorter, 0, at);
        System.arraycopy(list, at + 1, shorter, at, list.length - at - 1);
        return shorter;
    }
}
