package io.earshot.embedded.archive;

import io.earshot.analytics.MentionAnalytics;
import io.earshot.archive.MentionArchive;
import io.earshot.archive.MentionSearch;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import io.earshot.lucene.PostAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The mention archive as a Lucene index in a folder on disk. See the package documentation for how to open
 * it, and what survives a crash.
 */
public final class LuceneMentionArchive implements MentionArchive {

    private static final double RAM_BUFFER_MB = 64;

    private final Path directory;
    private final Directory luceneDirectory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ArchiveQueries queries = new ArchiveQueries();
    private final PendingWrites pending = new PendingWrites();
    private final MentionAnalytics analytics = new ArchiveAnalytics(this);
    private final FacetReaders facetReaders;
    private final ParallelWrites parallelWrites;
    private boolean closed;

    private LuceneMentionArchive(Path directory, Directory luceneDirectory, IndexWriter writer, FieldType textType)
            throws IOException {
        this.directory = directory;
        this.parallelWrites = new ParallelWrites(Runtime.getRuntime().availableProcessors(), textType);
        this.luceneDirectory = luceneDirectory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, true, false, null);
        this.facetReaders = new FacetReaders(searchers, Clock.systemUTC());
    }

    /**
     * Opens the archive in {@code directory}, creating the folder and an empty index when there is none, and
     * otherwise restoring everything committed. One process at a time: a second open of the same folder fails.
     */
    public static LuceneMentionArchive open(Path directory) {
        Path absolute = directory.toAbsolutePath();
        Directory luceneDirectory = null;
        try {
            Files.createDirectories(absolute);
            luceneDirectory = FSDirectory.open(absolute);
            FieldType textType = TextLayout.of(luceneDirectory);
            IndexWriterConfig config = new IndexWriterConfig(PostAnalyzer.forDocuments())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(RAM_BUFFER_MB)
                    // posts arrive oldest first, so without this a newest-first search visits every hit
                    // (nothing is ever uncompetitive); sorted segments stop after one page each. Measured on
                    // 200k posts: newest 50 mentions ~30 ms -> ~5 ms, for up to ~2x slower indexing
                    .setIndexSort(ArchiveDocuments.NEWEST_FIRST)
                    .setCommitOnClose(true);
            IndexWriter writer = new IndexWriter(luceneDirectory, config);
            return new LuceneMentionArchive(absolute, luceneDirectory, writer, textType);
        } catch (LockObtainFailedException e) {
            closeQuietly(luceneDirectory);
            throw new ArchiveException("open (is another Earshot process using this folder?)", absolute, e);
        } catch (IllegalArgumentException e) {
            closeQuietly(luceneDirectory);
            if (String.valueOf(e.getMessage()).contains("indexSort")) {
                throw new ArchiveException(
                        "open (the index was written by an older build with another layout; move the folder aside"
                                + " and Earshot starts a new archive)",
                        absolute,
                        e);
            }
            throw new ArchiveException("open", absolute, e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(luceneDirectory);
            throw new ArchiveException("open", absolute, e);
        }
    }

    /** Aggregates over this archive's mentions, counted from doc values. */
    public MentionAnalytics analytics() {
        return analytics;
    }

    /**
     * Lets analytics answer from a reader up to {@code maxLag} behind the live one, whose column numbering a
     * background thread keeps ready, so no query pays for it after a refresh (see {@link FacetReaders}). For a
     * server; without it every analytics query sees every refreshed write.
     */
    public void keepAnalyticsWarm(Duration maxLag) {
        facetReaders.keepWarm(maxLag);
    }

    /** For tests: the readers analytics' facet counts run on. */
    FacetReaders facetReaders() {
        return facetReaders;
    }

    /** The folder that holds the index. */
    public Path directory() {
        return directory;
    }

    @Override
    public void upsert(Collection<Mention> mentions) {
        // the last version of a post wins, as it would written one after the other
        Map<String, Mention> latest = new LinkedHashMap<>();
        mentions.forEach(mention -> latest.put(mention.key().id(), mention));
        List<Mention> distinct = List.copyOf(latest.values());
        write("upsert", () -> parallelWrites.upsert(writer, distinct, pending));
    }

    @Override
    public void delete(Collection<PostKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Term[] terms = keys.stream().map(ArchiveDocuments::keyTerm).toArray(Term[]::new);
        write("delete", () -> writer.deleteDocuments(terms));
        keys.forEach(key -> pending.deleted(key.id()));
    }

    @Override
    public long deleteByAuthor(Network network, String authorId) {
        Term author = ArchiveDocuments.authorTerm(network, authorId);
        // counting needs a searcher that sees every write so far, and afterwards PendingWrites cannot tell
        // which keys went, so refresh on both sides; accounts are deleted rarely
        refresh();
        long count =
                read("count posts by " + network.id() + ":" + authorId, s -> (long) s.count(new TermQuery(author)));
        if (count > 0) {
            write("delete posts by " + network.id() + ":" + authorId, () -> writer.deleteDocuments(author));
            refresh();
        }
        return count;
    }

    @Override
    public boolean contains(PostKey key) {
        return pending.stored(key.id())
                .orElseGet(() -> read("look up " + key, s -> s.count(ArchiveDocuments.keyQuery(key)) > 0));
    }

    @Override
    public boolean updateEngagement(PostKey key, Engagement engagement) {
        boolean stored = contains(key);
        if (stored) {
            // in place: no reindexing of the text, and the update applies to the newest copy of the document
            write(
                    "update engagement of " + key,
                    () -> writer.updateDocValues(
                            ArchiveDocuments.keyTerm(key), ArchiveDocuments.engagementFields(engagement)));
        }
        return stored;
    }

    @Override
    public Optional<Mention> get(PostKey key) {
        return read("get " + key, searcher -> first(searcher, searcher.search(ArchiveDocuments.keyQuery(key), 1)));
    }

    @Override
    public Optional<Mention> newestBy(Network network, String authorId) {
        Query byAuthor = new TermQuery(ArchiveDocuments.authorTerm(network, authorId));
        return read(
                "newest post by " + network.id() + ":" + authorId,
                searcher -> first(searcher, searcher.search(byAuthor, 1, ArchiveDocuments.NEWEST_FIRST)));
    }

    private static Optional<Mention> first(IndexSearcher searcher, TopDocs top) throws IOException {
        ScoreDoc[] hits = top.scoreDocs;
        return hits.length == 0
                ? Optional.empty()
                : Optional.of(ArchiveDocuments.load(searcher, new int[] {hits[0].doc})[0]);
    }

    @Override
    public MentionPage search(MentionSearch search) {
        Query query = queries.search(search);
        Optional<PageCursor> cursor = search.cursor().map(PageCursor::decode);
        int limit = search.limit();
        return read("search", searcher -> {
            // equal sort values can only be the last hit itself (keys are unique); Lucene skips ties whose
            // doc id is at most after.doc, so the largest doc id skips it wherever it now is
            Optional<FieldDoc> after =
                    cursor.map(c -> new FieldDoc(searcher.getIndexReader().maxDoc() - 1, Float.NaN, new Object[] {
                        c.createdMillis(), new BytesRef(c.key())
                    }));
            long total = searcher.count(query);
            // one hit more than asked tells whether there is a next page, so the last page has no cursor;
            // total comes from count(), so the collector may stop as soon as the page is full
            TopDocs top = searcher.search(
                    query,
                    new TopFieldCollectorManager(
                            ArchiveDocuments.NEWEST_FIRST, limit + 1, after.orElse(null), limit + 1));
            int count = Math.min(top.scoreDocs.length, limit);
            int[] docs = new int[count];
            for (int i = 0; i < count; i++) {
                docs[i] = top.scoreDocs[i].doc;
            }
            List<Mention> items = List.of(ArchiveDocuments.load(searcher, docs));
            Optional<String> next = Optional.empty();
            if (top.scoreDocs.length > limit) {
                Object[] last = ((FieldDoc) top.scoreDocs[count - 1]).fields;
                next = Optional.of(new PageCursor((Long) last[0], ((BytesRef) last[1]).utf8ToString()).encode());
            }
            return new MentionPage(items, total, next);
        });
    }

    @Override
    public void forEachSince(Instant since, Consumer<Mention> visitor) {
        Query created =
                LongField.newRangeQuery(ArchiveDocuments.CREATED, ArchiveDocuments.epochMillis(since), Long.MAX_VALUE);
        read("visit posts since " + since, searcher -> {
            visit(searcher, created, mention -> {
                // the index counts milliseconds; the instant decides within the first one
                if (!mention.post().createdAt().isBefore(since)) {
                    visitor.accept(mention);
                }
            });
            return null;
        });
    }

    @Override
    public long purgeUnmatchedBefore(Instant cutoff) {
        long cutoffMillis = ArchiveDocuments.epochMillis(cutoff);
        if (cutoffMillis == Long.MIN_VALUE) {
            return 0;
        }
        refresh();
        // whole milliseconds before the cutoff's go by query; within the cutoff's own millisecond
        // (sub-millisecond instants) the stored instants decide, post by post
        Query before = ArchiveQueries.unmatched(
                LongField.newRangeQuery(ArchiveDocuments.CREATED, Long.MIN_VALUE, cutoffMillis - 1));
        Query sameMillisecond =
                ArchiveQueries.unmatched(LongField.newExactQuery(ArchiveDocuments.CREATED, cutoffMillis));
        List<PostKey> boundary = new ArrayList<>();
        long count = read("purge unmatched posts before " + cutoff, searcher -> {
            visit(searcher, sameMillisecond, mention -> {
                if (mention.post().createdAt().isBefore(cutoff)) {
                    boundary.add(mention.key());
                }
            });
            return searcher.count(before) + (long) boundary.size();
        });
        if (count > 0) {
            write("purge unmatched posts before " + cutoff, () -> writer.deleteDocuments(before));
            delete(boundary);
            refresh();
        }
        return count;
    }

    @Override
    public void refresh() {
        Object token = pending.refreshStarting();
        write("refresh", searchers::maybeRefreshBlocking);
        pending.refreshed(token);
    }

    @Override
    public void commit() {
        write("commit", writer::commit);
    }

    @Override
    public long size() {
        return read("count posts", searcher -> (long) searcher.getIndexReader().numDocs());
    }

    /** Commits what was written (a clean shutdown loses nothing) and releases the folder. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            facetReaders.close();
            parallelWrites.close();
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new ArchiveException("close", directory, e);
        } finally {
            closeQuietly(luceneDirectory);
        }
    }

    /** Calls {@code visitor} for every live document matching {@code query}, in index order. */
    private static void visit(IndexSearcher searcher, Query query, Consumer<Mention> visitor) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            StoredFields stored = leaf.reader().storedFields();
            ArchiveDocuments.EngagementReader engagement = new ArchiveDocuments.EngagementReader(leaf.reader());
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live == null || live.get(doc)) {
                    visitor.accept(ArchiveDocuments.toMention(
                            stored.document(doc, ArchiveDocuments.payloadOnly()), engagement.read(doc)));
                }
            }
        }
    }

    /** Runs {@code work} on a searcher that sees every refreshed write (for {@link ArchiveAnalytics}). */
    <T> T withSearcher(String operation, SearcherWork<T> work) {
        return read(operation, work);
    }

    /** Runs {@code work} with the global ordinals of {@code field} (for {@link ArchiveAnalytics}' facet counts). */
    <T> T withOrdinals(String operation, String field, FacetReaders.Work<T> work) {
        try {
            return facetReaders.withOrdinals(field, work);
        } catch (IOException | MentionCodec.DamagedPayloadException e) {
            throw new ArchiveException(operation, directory, e);
        }
    }

    private <T> T read(String operation, SearcherWork<T> work) {
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new ArchiveException(operation, directory, e);
        }
        try {
            return work.apply(searcher);
        } catch (IOException | MentionCodec.DamagedPayloadException e) {
            throw new ArchiveException(operation, directory, e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                throw new ArchiveException("release searcher after " + operation, directory, e);
            }
        }
    }

    private void write(String operation, WriterWork work) {
        try {
            work.run();
        } catch (IOException e) {
            throw new ArchiveException(operation, directory, e);
        }
    }

    private static void closeQuietly(Directory directory) {
        if (directory != null) {
            try {
                directory.close();
            } catch (IOException ignored) {
                // already failing or closing: the first error is the one worth reporting
            }
        }
    }

    @FunctionalInterface
    interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    @FunctionalInterface
    private interface WriterWork {
        void run() throws IOException;
    }
}
