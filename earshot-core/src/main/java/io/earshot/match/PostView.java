package io.earshot.match;

import io.earshot.domain.Post;
import io.earshot.lucene.IndexFields;
import io.earshot.lucene.PostAnalyzer;
import io.earshot.lucene.PostDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A post as the matcher sees it: the same words, positions and keyword values that {@link PostDocuments}
 * gives Lucene, analysed once and looked up many times while the post's candidate topics are checked.
 */
final class PostView {

    private static final Analyzer WORDS = PostAnalyzer.words();
    private static final Analyzer EXACT = PostAnalyzer.exactWords();

    /** The analysed words of one field, in order, with their positions and character offsets. */
    static final class Tokens {
        final String[] terms;
        final int[] positions;
        final int[] starts;
        final int[] ends;
        final int size;
        private final Map<String, int[]> occurrences;

        private Tokens(String[] terms, int[] positions, int[] starts, int[] ends, int size) {
            this.terms = terms;
            this.positions = positions;
            this.starts = starts;
            this.ends = ends;
            this.size = size;
            this.occurrences = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                int[] previous = occurrences.get(terms[i]);
                if (previous == null) {
                    occurrences.put(terms[i], new int[] {i});
                } else {
                    int[] more = Arrays.copyOf(previous, previous.length + 1);
                    more[previous.length] = i;
                    occurrences.put(terms[i], more);
                }
            }
        }

        /** Indexes of the tokens equal to {@code term}, in order; empty when absent. */
        int[] indexesOf(String term) {
            int[] found = occurrences.get(term);
            return found == null ? NONE : found;
        }

        boolean contains(String term) {
            return occurrences.containsKey(term);
        }

        /** Index of the token at {@code position}, or -1. */
        int indexAt(int position) {
            int found = Arrays.binarySearch(positions, 0, size, position);
            return found >= 0 ? found : -1;
        }

        static Tokens of(Analyzer analyzer, String field, String text) {
            String[] terms = new String[16];
            int[] positions = new int[16];
            int[] starts = new int[16];
            int[] ends = new int[16];
            int size = 0;
            try (TokenStream stream = analyzer.tokenStream(field, text)) {
                Attributes attributes = Attributes.of(stream);
                CharTermAttribute term = attributes.term;
                OffsetAttribute offset = attributes.offset;
                PositionIncrementAttribute increment = attributes.increment;
                stream.reset();
                int position = -1;
                while (stream.incrementToken()) {
                    if (size == terms.length) {
                        terms = Arrays.copyOf(terms, size * 2);
                        positions = Arrays.copyOf(positions, size * 2);
                        starts = Arrays.copyOf(starts, size * 2);
                        ends = Arrays.copyOf(ends, size * 2);
                    }
                    position += increment.getPositionIncrement();
                    terms[size] = term.toString();
                    positions[size] = position;
                    starts[size] = offset.startOffset();
                    ends[size] = offset.endOffset();
                    size++;
                }
                stream.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Tokens(terms, positions, starts, ends, size);
        }
    }

    private static final int[] NONE = new int[0];

    /**
     * The attributes of the token streams this thread last used. An analyzer hands each thread the same
     * stream again and again; looking its attributes up by class for every post showed in profiles.
     */
    private static final class Attributes {
        private static final ThreadLocal<Attributes[]> RECENT = ThreadLocal.withInitial(() -> new Attributes[2]);

        final TokenStream stream;
        final CharTermAttribute term;
        final OffsetAttribute offset;
        final PositionIncrementAttribute increment;

        private Attributes(TokenStream stream) {
            this.stream = stream;
            this.term = stream.addAttribute(CharTermAttribute.class);
            this.offset = stream.addAttribute(OffsetAttribute.class);
            this.increment = stream.addAttribute(PositionIncrementAttribute.class);
        }

        static Attributes of(TokenStream stream) {
            Attributes[] recent = RECENT.get();
            for (Attributes attributes : recent) {
                if (attributes != null && attributes.stream == stream) {
                    return attributes;
                }
            }
            Attributes fresh = new Attributes(stream);
            recent[1] = recent[0];
            recent[0] = fresh;
            return fresh;
        }
    }

    final Post post;
    final Tokens text;
    private Tokens exact;
    private Tokens title;
    private Map<String, Set<String>> keywords;

    private PostView(Post post) {
        this.post = post;
        this.text = Tokens.of(WORDS, IndexFields.TEXT, post.text());
    }

    static PostView of(Post post) {
        return new PostView(post);
    }

    /** Words as written, for {@code exact:}; analysed on first use. */
    Tokens exact() {
        if (exact == null) {
            exact = Tokens.of(EXACT, IndexFields.TEXT_EXACT, post.text());
        }
        return exact;
    }

    /** A feed item's title words; none for posts without a title. */
    Tokens title() {
        if (title == null) {
            title = Tokens.of(WORDS, IndexFields.TITLE, post.title().orElse(""));
        }
        return title;
    }

    Map<String, Set<String>> keywords() {
        if (keywords == null) {
            keywords = PostDocuments.keywords(post);
        }
        return keywords;
    }

    boolean hasKeyword(String field, String value) {
        Set<String> values = keywords().get(field);
        return values != null && values.contains(value);
    }
}
