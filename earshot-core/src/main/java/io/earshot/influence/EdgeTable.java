package io.earshot.influence;

import io.earshot.domain.InteractionKind;
import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import io.earshot.graph.Edge;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The interaction graph as columns of primitive arrays (who, to whom, what, when, about which post), in the
 * order the edges were added. Scoring reads it; {@link #add} appends, so an incremental update never copies it.
 */
final class EdgeTable {

    static final InteractionKind[] KINDS = InteractionKind.values();

    final Accounts accounts;
    private final Map<PostKey, Integer> postNumbers;
    private final List<PostKey> posts;
    int size;
    int[] from = new int[1024];
    int[] to = new int[1024];
    byte[] kind = new byte[1024];
    long[] at = new long[1024];
    int[] post = new int[1024];

    EdgeTable() {
        this(new Accounts(), new HashMap<>(), new ArrayList<>());
    }

    private EdgeTable(Accounts accounts, Map<PostKey, Integer> postNumbers, List<PostKey> posts) {
        this.accounts = accounts;
        this.postNumbers = postNumbers;
        this.posts = posts;
    }

    /** An empty table that shares this one's account and post numbers (for a topic's part of the graph). */
    EdgeTable emptySibling() {
        return new EdgeTable(accounts, postNumbers, posts);
    }

    int add(Edge edge) {
        int subject = edge.subjectPost().map(this::postNumber).orElse(-1);
        return add(
                accounts.number(edge.network(), edge.from()),
                accounts.number(edge.network(), edge.to()),
                edge.kind(),
                edge.at().getEpochSecond(),
                subject);
    }

    int add(
            Network network,
            String fromId,
            String toId,
            InteractionKind what,
            long epochSecond,
            Optional<String> subject) {
        int subjectNumber = subject.map(PostKey::parse).map(this::postNumber).orElse(-1);
        return add(accounts.number(network, fromId), accounts.number(network, toId), what, epochSecond, subjectNumber);
    }

    int add(int fromAccount, int toAccount, InteractionKind what, long epochSecond, int subjectPost) {
        if (size == from.length) {
            int capacity = size * 2;
            from = Arrays.copyOf(from, capacity);
            to = Arrays.copyOf(to, capacity);
            kind = Arrays.copyOf(kind, capacity);
            at = Arrays.copyOf(at, capacity);
            post = Arrays.copyOf(post, capacity);
        }
        from[size] = fromAccount;
        to[size] = toAccount;
        kind[size] = (byte) what.ordinal();
        at[size] = epochSecond;
        post[size] = subjectPost;
        return size++;
    }

    /** Copies edge {@code edge} of {@code other} (which shares this table's numbering) onto the end of this one. */
    void copy(EdgeTable other, int edge) {
        add(other.from[edge], other.to[edge], KINDS[other.kind[edge]], other.at[edge], other.post[edge]);
    }

    InteractionKind kindOf(int edge) {
        return KINDS[kind[edge]];
    }

    Instant time(int edge) {
        return Instant.ofEpochSecond(at[edge]);
    }

    Optional<PostKey> postOf(int edge) {
        return post[edge] < 0 ? Optional.empty() : Optional.of(posts.get(post[edge]));
    }

    OptionalInt findPost(PostKey key) {
        Integer known = postNumbers.get(key);
        return known == null ? OptionalInt.empty() : OptionalInt.of(known);
    }

    private int postNumber(PostKey key) {
        Integer known = postNumbers.get(key);
        if (known != null) {
            return known;
        }
        postNumbers.put(key, posts.size());
        posts.add(key);
        return posts.size() - 1;
    }
}
