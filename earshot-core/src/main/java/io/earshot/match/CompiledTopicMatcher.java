package io.earshot.match;

import io.earshot.domain.Post;
import io.earshot.domain.Span;
import io.earshot.domain.TopicMatch;
import io.earshot.query.QueryNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The fast live matcher. Each topic is compiled into a {@link Plan} (the same meaning as its Lucene query,
 * checked by the same randomized tests) and filed under {@link Presearch} keys in a {@link TopicIndex}; a
 * post is analysed once, its keys pick the few topics worth checking, and only those are checked, on the
 * analysed words, without building a Lucene index per post.
 *
 * <p>Thread-safe: {@link #match} may run on several threads at once while topics are put and removed from
 * others. A topic being replaced is seen either before or after the change; each topic appears at most once
 * per post.
 */
public final class CompiledTopicMatcher implements TopicMatcher {

    /** Words remembered per matching thread with the topics they lead to (a power of two). */
    private static final int TOKEN_CACHE_SIZE = 1 << 14;

    private static final int[] NONE = new int[0];

    private final PlanCompiler compiler = new PlanCompiler();
    private final Presearch presearch = new Presearch();
    private final TopicIndex index = new TopicIndex();
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    @Override
    public void put(long topicId, QueryNode query) {
        Objects.requireNonNull(query, "query");
        Plan plan = compiler.compile(query);
        index.put(new TopicIndex.Entry(topicId, plan, presearch.keys(plan), maxEdits(plan)));
    }

    @Override
    public void remove(long topicId) {
        index.remove(topicId);
    }

    @Override
    public int topicCount() {
        return index.size();
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
        TopicIndex.Entry[] table = index.slots();
        work.begin(table.length, index.version());
        PostView.Tokens text = view.text;
        for (int i = 0; i < text.size; i++) {
            work.offerAll(work.slotsForToken(text.terms[i], index));
        }
        if (index.hasTitleKeys() && post.title().isPresent()) {
            PostView.Tokens title = view.title();
            for (int i = 0; i < title.size; i++) {
                index.slotsForTitleToken(title.terms[i], work::offer);
            }
        }
        if (index.hasKeywordKeys()) {
            for (Map.Entry<String, Set<String>> field : view.keywords().entrySet()) {
                index.slotsForKeywords(field.getKey(), field.getValue(), work::offer);
            }
        }
        work.offerAll(index.always());
        List<TopicMatch> matches = null;
        for (int i = 0; i < work.count; i++) {
            int slot = work.candidates[i];
            TopicIndex.Entry entry = slot < table.length ? table[slot] : null;
            if (entry == null) {
                // filed after this post began, into a grown table: look again
                TopicIndex.Entry[] fresh = index.slots();
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
        return matches == null ? List.of() : uniqueByTopic(matches);
    }

    /** Sorted by topic; while a topic is being replaced, its old and new versions may both match: keep one. */
    private static List<TopicMatch> uniqueByTopic(List<TopicMatch> matches) {
        matches.sort((a, b) -> Long.compare(a.topicId(), b.topicId()));
        List<TopicMatch> unique = new ArrayList<>(matches.size());
        for (TopicMatch match : matches) {
            if (unique.isEmpty() || unique.get(unique.size() - 1).topicId() != match.topicId()) {
                unique.add(match);
            }
        }
        return List.copyOf(unique);
    }

    private static int maxEdits(Plan plan) {
        return switch (plan) {
            case Plan.Automaton automaton -> automaton.maxEdits();
            case Plan.All all ->
                Arrays.stream(all.must())
                        .mapToInt(CompiledTopicMatcher::maxEdits)
                        .max()
                        .orElse(0);
            case Plan.Any any ->
                Arrays.stream(any.should())
                        .mapToInt(CompiledTopicMatcher::maxEdits)
                        .max()
                        .orElse(0);
            case Plan.Near near -> Math.max(maxEdits(near.left()), maxEdits(near.right()));
            default -> 0;
        };
    }

    @Override
    public void close() {
        // nothing held outside the heap
    }

    /**
     * Per-thread buffers: the candidate slots of the current post, deduplicated with a stamp per slot, and a
     * cache from a word to every slot it leads to (as a word, prefix, piece or deletion), valid for one
     * version of the index. Posts share most of their words, so most words cost one lookup.
     */
    private static final class Scratch {
        int[] stamps = new int[1024];
        int stamp;
        int[] candidates = new int[256];
        int count;
        // a direct-mapped cache (one place per hash, the newest word wins): no chains to follow, and small
        // enough to stay in the processor's cache, where a big hash map of every word seen would not
        final String[] cachedWords = new String[TOKEN_CACHE_SIZE];
        final int[] cachedHashes = new int[TOKEN_CACHE_SIZE];
        final int[][] cachedSlots = new int[TOKEN_CACHE_SIZE][];
        long cacheVersion = -1;
        int[] building = new int[64];
        int built;

        void begin(int slotCount, long indexVersion) {
            if (stamps.length < slotCount) {
                stamps = new int[slotCount];
                stamp = 0;
            }
            if (++stamp == Integer.MAX_VALUE) {
                Arrays.fill(stamps, 0);
                stamp = 1;
            }
            count = 0;
            if (indexVersion != cacheVersion) {
                Arrays.fill(cachedWords, null);
                cacheVersion = indexVersion;
            }
        }

        int[] slotsForToken(String term, TopicIndex index) {
            int hash = term.hashCode();
            int at = (hash ^ (hash >>> 16)) & (TOKEN_CACHE_SIZE - 1);
            String cached = cachedWords[at];
            if (cached != null && cachedHashes[at] == hash && cached.equals(term)) {
                return cachedSlots[at];
            }
            built = 0;
            index.slotsForToken(term, this::build);
            int[] slots = built == 0 ? NONE : Arrays.copyOf(building, built);
            cachedWords[at] = term;
            cachedHashes[at] = hash;
            cachedSlots[at] = slots;
            return slots;
        }

        private void build(int slot) {
            if (built == building.length) {
                building = Arrays.copyOf(building, built * 2);
            }
            building[built++] = slot;
        }

        void offerAll(int[] slots) {
            for (int slot : slots) {
                offer(slot);
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
}
