package io.earshot.embedded.archive;

import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
import io.earshot.domain.TopicMatch;
import io.earshot.lucene.IndexFields;
import io.earshot.lucene.PostDocuments;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The archive's own fields, added to the searchable fields of {@link PostDocuments}, and how a stored
 * document becomes a {@link Mention} again. Names start with {@code _} so they can never collide with a field
 * of the query language.
 */
final class ArchiveDocuments {

    /** {@code network:native-id}: the update term (indexed) and the tie-break of the sort (doc values). */
    static final String KEY = "_key";
    /** The encoded post and matches ({@link MentionCodec}). */
    static final String PAYLOAD = "_payload";
    /** Creation time in epoch milliseconds: points for ranges, doc values for sorting. */
    static final String CREATED = "_created";
    /** Ids of the topics matched, as points. */
    static final String TOPIC = "_topic";
    /** Present ({@code "1"}) on posts that matched at least one topic. */
    static final String MATCHED = "_matched";
    /** {@code network:account-id} exactly as given (the query field {@code author} is lower-cased). */
    static final String AUTHOR = "_author";

    /** What Earshot heard and a person's sentiment correction ({@link EnrichmentCodec}). */
    static final String ENRICHMENT = "_enrichment";
    /** The sentiment to search and count by: the correction when there is one, else the model's label. */
    static final String SENTIMENT = IndexFields.SENTIMENT;
    /** The emotion, when the model was confident enough. */
    static final String EMOTION = IndexFields.EMOTION;

    static final String LIKES = "_likes";
    static final String REPOSTS = "_reposts";
    static final String REPLIES = "_replies";
    static final String QUOTES = "_quotes";

    /** Newest first; posts created in the same millisecond by key, so every post has one place. */
    static final Sort NEWEST_FIRST = new Sort(
            LongField.newSortField(CREATED, true, SortedNumericSelector.Type.MIN),
            new SortField(KEY, SortField.Type.STRING));

    private static final Set<String> PAYLOAD_ONLY = Set.of(PAYLOAD, ENRICHMENT);

    private ArchiveDocuments() {}

    /** @param textType how the text is indexed ({@link TextLayout}) */
    static Document toDocument(Mention mention, FieldType textType) {
        Post post = mention.post();
        Document doc = PostDocuments.toDocument(post, textType);
        String key = post.key().id();
        doc.add(new StringField(KEY, key, Field.Store.NO));
        doc.add(new SortedDocValuesField(KEY, new BytesRef(key)));
        doc.add(new StoredField(PAYLOAD, MentionCodec.encode(post, mention.matches())));
        doc.add(new LongField(CREATED, epochMillis(post.createdAt()), Field.Store.NO));
        for (TopicMatch match : mention.matches()) {
            doc.add(new LongPoint(TOPIC, match.topicId()));
        }
        if (mention.matchedAnyTopic()) {
            doc.add(new StringField(MATCHED, "1", Field.Store.NO));
        }
        doc.add(new StringField(AUTHOR, authorKey(post.network(), post.author().id()), Field.Store.NO));
        if (mention.enrichment().isPresent() || mention.sentimentCorrection().isPresent()) {
            doc.add(new StoredField(
                    ENRICHMENT, EnrichmentCodec.encode(mention.enrichment(), mention.sentimentCorrection())));
        }
        mention.sentiment().ifPresent(label -> doc.add(new StringField(SENTIMENT, label.id(), Field.Store.NO)));
        mention.enrichment()
                .flatMap(heard -> heard.emotion())
                .ifPresent(emotion ->
                        doc.add(new StringField(EMOTION, emotion.label().id(), Field.Store.NO)));
        for (Field field : engagementFields(mention.engagement())) {
            doc.add(field);
        }
        AnalyticsFields.add(doc, mention);
        return doc;
    }

    /** Doc-values-only fields: the only kind {@code IndexWriter.updateDocValues} may change in place. */
    static Field[] engagementFields(Engagement engagement) {
        return new Field[] {
            new NumericDocValuesField(LIKES, engagement.likes()),
            new NumericDocValuesField(REPOSTS, engagement.reposts()),
            new NumericDocValuesField(REPLIES, engagement.replies()),
            new NumericDocValuesField(QUOTES, engagement.quotes())
        };
    }

    static Term keyTerm(PostKey key) {
        return new Term(KEY, key.id());
    }

    static Query keyQuery(PostKey key) {
        return new TermQuery(keyTerm(key));
    }

    static Term authorTerm(Network network, String authorId) {
        return new Term(AUTHOR, authorKey(network, authorId));
    }

    private static String authorKey(Network network, String authorId) {
        return network.id() + ":" + authorId;
    }

    /** Epoch milliseconds, rounded down, saturated for instants beyond what a long can count in milliseconds. */
    static long epochMillis(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds >= Long.MAX_VALUE / 1000) {
            return Long.MAX_VALUE;
        }
        if (seconds <= Long.MIN_VALUE / 1000) {
            return Long.MIN_VALUE;
        }
        return seconds * 1000 + instant.getNano() / 1_000_000;
    }

    /** The mentions stored at {@code docs} (top-level doc ids), in the order given. */
    static Mention[] load(IndexSearcher searcher, int[] docs) throws IOException {
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) {
            order[i] = i;
        }
        // doc values iterators only move forward: visit the hits in doc id order, leaf by leaf
        Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Mention[] mentions = new Mention[docs.length];
        StoredFields stored = searcher.storedFields();
        int leafIndex = -1;
        LeafReaderContext leaf = null;
        EngagementReader engagement = null;
        for (int i : order) {
            int doc = docs[i];
            while (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(++leafIndex);
                engagement = new EngagementReader(leaf.reader());
            }
            mentions[i] = toMention(stored.document(doc, PAYLOAD_ONLY), engagement.read(doc - leaf.docBase));
        }
        return mentions;
    }

    static Mention toMention(Document stored, Engagement engagement) {
        BytesRef payload = stored.getBinaryValue(PAYLOAD);
        MentionCodec.Stored decoded = MentionCodec.decode(BytesRef.deepCopyOf(payload).bytes);
        BytesRef enrichment = stored.getBinaryValue(ENRICHMENT);
        if (enrichment == null) {
            return new Mention(decoded.post(), decoded.matches(), engagement);
        }
        EnrichmentCodec.Stored heard = EnrichmentCodec.decode(BytesRef.deepCopyOf(enrichment).bytes);
        return new Mention(decoded.post(), decoded.matches(), engagement, heard.enrichment(), heard.correction());
    }

    static Set<String> payloadOnly() {
        return PAYLOAD_ONLY;
    }

    /** Reads the engagement counters of one segment, documents in increasing order. */
    static final class EngagementReader {
        private final NumericDocValues likes;
        private final NumericDocValues reposts;
        private final NumericDocValues replies;
        private final NumericDocValues quotes;

        EngagementReader(LeafReader reader) throws IOException {
            likes = DocValues.getNumeric(reader, LIKES);
            reposts = DocValues.getNumeric(reader, REPOSTS);
            replies = DocValues.getNumeric(reader, REPLIES);
            quotes = DocValues.getNumeric(reader, QUOTES);
        }

        Engagement read(int leafDoc) throws IOException {
            return new Engagement(
                    value(likes, leafDoc), value(reposts, leafDoc), value(replies, leafDoc), value(quotes, leafDoc));
        }

        private static long value(NumericDocValues values, int leafDoc) throws IOException {
            return values.advanceExact(leafDoc) ? values.longValue() : 0;
        }
    }
}
