package io.earshot.embedded.archive;

import io.earshot.analytics.AnalyticsScope;
import io.earshot.analytics.Dimension;
import io.earshot.analytics.Facet;
import io.earshot.analytics.Interval;
import io.earshot.analytics.MentionAnalytics;
import io.earshot.analytics.Rank;
import io.earshot.analytics.TrendScore;
import io.earshot.domain.Engagement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;

/**
 * {@link MentionAnalytics} over the archive's doc values ({@link AnalyticsFields}): each aggregate runs the
 * scope as a Lucene filter and, segment by segment, reads a few columns of each matching document. Values of
 * multi-valued columns are counted by global ordinal ({@link GlobalOrdinals}), so only the values reported
 * are ever turned into strings.
 */
final class ArchiveAnalytics implements MentionAnalytics {

    private final LuceneMentionArchive archive;
    private final ArchiveQueries queries = new ArchiveQueries();

    ArchiveAnalytics(LuceneMentionArchive archive) {
        this.archive = archive;
    }

    @Override
    public VolumeSeries volume(AnalyticsScope scope, Interval interval, ZoneId zone, Optional<Dimension> split) {
        List<Instant> starts = bucketStarts(scope, interval, zone);
        long[] startMillis =
                starts.stream().mapToLong(ArchiveDocuments::epochMillis).toArray();
        Map<String, long[]> counts = new HashMap<>();
        long total = archive.withSearcher("volume", searcher -> {
            long[] all = new long[starts.size()];
            long seen = 0;
            for (Match leaf : matches(searcher, scope)) {
                SortedNumericDocValues created = DocValues.getSortedNumeric(leaf.reader(), ArchiveDocuments.CREATED);
                SortedDocValues splitValues =
                        split.map(d -> sorted(leaf.reader(), field(d))).orElse(null);
                long[][] byOrd = splitValues == null ? null : new long[splitValues.getValueCount() + 1][];
                for (int doc = leaf.next(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = leaf.next()) {
                    if (!created.advanceExact(doc)) {
                        continue;
                    }
                    int bucket = bucket(startMillis, created.nextValue());
                    seen++;
                    if (splitValues == null) {
                        all[bucket]++;
                        continue;
                    }
                    int ord = splitValues.advanceExact(doc) ? splitValues.ordValue() : -1;
                    long[] row = byOrd[ord + 1];
                    if (row == null) {
                        String value = ord < 0
                                ? Dimension.NONE_VALUE
                                : splitValues.lookupOrd(ord).utf8ToString();
                        row = counts.computeIfAbsent(value, v -> new long[starts.size()]);
                        byOrd[ord + 1] = row;
                    }
                    row[bucket]++;
                }
            }
            if (split.isEmpty()) {
                counts.put("all", all);
            }
            return seen;
        });
        return new VolumeSeries(starts, ordered(counts), total);
    }

    @Override
    public List<TopicTotals> totalsByTopic(AnalyticsScope scope) {
        long[] topics = scope.topics().stream().mapToLong(Long::longValue).toArray();
        long[][] totals = new long[topics.length][5];
        archive.withSearcher("totals by topic", searcher -> {
            for (Match leaf : matches(searcher, scope)) {
                LeafReader reader = leaf.reader();
                SortedNumericDocValues topicValues = DocValues.getSortedNumeric(reader, AnalyticsFields.TOPIC);
                SortedDocValues sentiment = sorted(reader, AnalyticsFields.SENTIMENT);
                int positive = sentiment.lookupTerm(new BytesRef("positive"));
                int negative = sentiment.lookupTerm(new BytesRef("negative"));
                NumericDocValues followers = DocValues.getNumeric(reader, AnalyticsFields.FOLLOWERS);
                for (int doc = leaf.next(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = leaf.next()) {
                    if (!topicValues.advanceExact(doc)) {
                        continue;
                    }
                    int ord = sentiment.advanceExact(doc) ? sentiment.ordValue() : -1;
                    boolean known = followers.advanceExact(doc);
                    long audience = known ? followers.longValue() : 0;
                    for (int i = 0, n = topicValues.docValueCount(); i < n; i++) {
                        long topic = topicValues.nextValue();
                        for (int t = 0; t < topics.length; t++) {
                            if (topics[t] == topic) {
                                long[] row = totals[t];
                                row[0]++;
                                if (ord >= 0 && ord == positive) {
                                    row[1]++;
                                } else if (ord >= 0 && ord == negative) {
                                    row[2]++;
                                }
                                if (known) {
                                    row[3] += audience;
                                    row[4]++;
                                }
                            }
                        }
                    }
                }
            }
            return null;
        });
        List<TopicTotals> result = new ArrayList<>();
        for (int t = 0; t < topics.length; t++) {
            long[] row = totals[t];
            result.add(new TopicTotals(topics[t], row[0], row[1], row[2], row[3], row[4]));
        }
        return result;
    }

    @Override
    public List<RankedValue> top(AnalyticsScope scope, Facet facet, Rank rank, int limit) {
        return archive.withOrdinals("top " + facet.id(), field(facet), (searcher, mapped) -> {
            long[] counts = new long[(int) mapped.valueCount()];
            long[] engagement = new long[counts.length];
            count(searcher, scope, mapped, counts, engagement);
            long[] key = rank == Rank.ENGAGEMENT ? engagement : counts;
            int[] best = TopIndexes.best(counts.length, limit, g -> counts[g] > 0, g -> key[g]);
            List<RankedValue> values = new ArrayList<>();
            for (int g : best) {
                values.add(new RankedValue(mapped.lookup(g), counts[g], engagement[g]));
            }
            return values;
        });
    }

    @Override
    public List<TrendingValue> trending(
            AnalyticsScope scope, Instant baselineFrom, Facet facet, int minCount, int limit) {
        if (!baselineFrom.isBefore(scope.from())) {
            throw new IllegalArgumentException("the baseline must start before the window");
        }
        AnalyticsScope baseline = scope.during(baselineFrom, scope.from());
        return archive.withOrdinals("trending " + facet.id(), field(facet), (searcher, mapped) -> {
            long[] now = new long[(int) mapped.valueCount()];
            long[] before = new long[now.length];
            long windowMentions = count(searcher, scope, mapped, now, null);
            long baselineMentions = count(searcher, baseline, mapped, before, null);
            double lengthRatio =
                    (double) scope.length().toMillis() / baseline.length().toMillis();
            double ratio = TrendScore.volumeRatio(windowMentions, baselineMentions, lengthRatio);
            double[] scores = new double[now.length];
            for (int g = 0; g < now.length; g++) {
                if (now[g] >= minCount) {
                    scores[g] = TrendScore.score(now[g], TrendScore.expected(before[g], ratio));
                }
            }
            int[] best = TopIndexes.best(now.length, limit, g -> now[g] >= minCount && scores[g] > 0, g -> scores[g]);
            List<TrendingValue> values = new ArrayList<>();
            for (int g : best) {
                values.add(new TrendingValue(
                        mapped.lookup(g), now[g], before[g], TrendScore.expected(before[g], ratio), scores[g]));
            }
            return values;
        });
    }

    @Override
    public Summary summary(AnalyticsScope scope) {
        long[] bySentiment = new long[4]; // positive, neutral, negative, none
        archive.withSearcher("summary", searcher -> {
            for (Match leaf : matches(searcher, scope)) {
                SortedDocValues sentiment = sorted(leaf.reader(), AnalyticsFields.SENTIMENT);
                int[] slot = new int[sentiment.getValueCount()];
                for (int ord = 0; ord < slot.length; ord++) {
                    slot[ord] = switch (sentiment.lookupOrd(ord).utf8ToString()) {
                        case "positive" -> 0;
                        case "neutral" -> 1;
                        case "negative" -> 2;
                        default -> 3;
                    };
                }
                for (int doc = leaf.next(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = leaf.next()) {
                    bySentiment[sentiment.advanceExact(doc) ? slot[sentiment.ordValue()] : 3]++;
                }
            }
            return null;
        });
        long total = Arrays.stream(bySentiment).sum();
        return new Summary(total, bySentiment[0], bySentiment[1], bySentiment[2]);
    }

    /** Counts each value of {@code mapped}'s field (and its engagement when asked); returns mentions seen. */
    private long count(
            IndexSearcher searcher,
            AnalyticsScope scope,
            GlobalOrdinals.Mapped mapped,
            long[] counts,
            long[] engagement)
            throws IOException {
        long seen = 0;
        for (Match leaf : matches(searcher, scope)) {
            SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), mapped.field());
            ArchiveDocuments.EngagementReader reader =
                    engagement == null ? null : new ArchiveDocuments.EngagementReader(leaf.reader());
            // count by segment ordinal first: small arrays, and one global lookup per value, not per mention
            int[] local = new int[(int) values.getValueCount()];
            long[] localEngagement = engagement == null ? null : new long[local.length];
            for (int doc = leaf.next(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = leaf.next()) {
                seen++;
                if (!values.advanceExact(doc)) {
                    continue;
                }
                int n = values.docValueCount();
                if (reader == null) {
                    for (int i = 0; i < n; i++) {
                        local[(int) values.nextOrd()]++;
                    }
                } else {
                    long engaged = total(reader.read(doc));
                    for (int i = 0; i < n; i++) {
                        int ord = (int) values.nextOrd();
                        local[ord]++;
                        localEngagement[ord] += engaged;
                    }
                }
            }
            LongValues global = mapped.globalOrds(leaf.leafIndex());
            for (int ord = 0; ord < local.length; ord++) {
                if (local[ord] > 0) {
                    int g = (int) global.get(ord);
                    counts[g] += local[ord];
                    if (engagement != null) {
                        engagement[g] += localEngagement[ord];
                    }
                }
            }
        }
        return seen;
    }

    private static long total(Engagement engagement) {
        return engagement.likes() + engagement.reposts() + engagement.replies() + engagement.quotes();
    }

    /** The matching live documents of each segment, in doc id order. */
    private List<Match> matches(IndexSearcher searcher, AnalyticsScope scope) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(queries.scope(scope)), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<Match> matches = new ArrayList<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (int i = 0; i < leaves.size(); i++) {
            Scorer scorer = weight.scorer(leaves.get(i));
            if (scorer != null) {
                matches.add(new Match(leaves.get(i), i, scorer.iterator()));
            }
        }
        return matches;
    }

    static List<Instant> bucketStarts(AnalyticsScope scope, Interval interval, ZoneId zone) {
        List<Instant> starts = new ArrayList<>();
        ZonedDateTime start = scope.from().atZone(zone).truncatedTo(interval.unit());
        while (start.toInstant().isBefore(scope.to())) {
            if (starts.size() == MAX_BUCKETS) {
                throw new IllegalArgumentException("more than " + MAX_BUCKETS + " " + interval.id()
                        + " buckets from " + scope.from() + " to " + scope.to()
                        + "; ask for a shorter range or a wider interval");
            }
            starts.add(start.toInstant());
            start = start.plus(1, interval.unit());
        }
        return starts;
    }

    /** The last bucket starting at or before {@code millis}. */
    private static int bucket(long[] starts, long millis) {
        int found = Arrays.binarySearch(starts, millis);
        return found >= 0 ? found : Math.max(0, -found - 2);
    }

    /** Split values by total, most first, {@code none} last. */
    private static Map<String, long[]> ordered(Map<String, long[]> counts) {
        Map<String, long[]> ordered = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingInt(
                                e -> e.getKey().equals(Dimension.NONE_VALUE) ? 1 : 0)
                        .thenComparing(e -> -Arrays.stream(e.getValue()).sum())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    private static SortedDocValues sorted(LeafReader reader, String field) {
        try {
            return DocValues.getSorted(reader, field);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String field(Dimension dimension) {
        return switch (dimension) {
            case SENTIMENT -> AnalyticsFields.SENTIMENT;
            case EMOTION -> AnalyticsFields.EMOTION;
            case NETWORK -> AnalyticsFields.NETWORK;
            case LANG -> AnalyticsFields.LANG;
        };
    }

    private static String field(Facet facet) {
        return switch (facet) {
            case AUTHORS -> AnalyticsFields.AUTHOR;
            case HASHTAGS -> AnalyticsFields.HASHTAG;
            case LINKS -> AnalyticsFields.LINK;
            case DOMAINS -> AnalyticsFields.DOMAIN;
            case TERMS -> AnalyticsFields.TERM;
        };
    }

    /** One segment's matching documents; {@link #next} skips deleted ones. */
    private static final class Match {
        private final LeafReaderContext context;
        private final int leafIndex;
        private final DocIdSetIterator docs;
        private final Bits live;

        Match(LeafReaderContext context, int leafIndex, DocIdSetIterator docs) {
            this.context = context;
            this.leafIndex = leafIndex;
            this.docs = docs;
            this.live = context.reader().getLiveDocs();
        }

        LeafReader reader() {
            return context.reader();
        }

        int leafIndex() {
            return leafIndex;
        }

        int next() throws IOException {
            int doc = docs.nextDoc();
            while (doc != DocIdSetIterator.NO_MORE_DOCS && live != null && !live.get(doc)) {
                doc = docs.nextDoc();
            }
            return doc;
        }
    }
}
