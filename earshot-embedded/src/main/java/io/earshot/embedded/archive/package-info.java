/**
 * The mention archive of the embedded home: a Lucene index in a folder on disk, implementing {@link
 * io.earshot.archive.MentionArchive}.
 *
 * <h2>Opening it</h2>
 *
 * <pre>{@code
 * try (LuceneMentionArchive archive = LuceneMentionArchive.open(dataDir.resolve("archive"))) {
 *     archive.upsert(mentions);   // idempotent on the post key
 *     archive.refresh();          // now searchable (each refresh writes a small segment: the pipeline refreshes once a second)
 *     archive.commit();           // now durable: commit source cursors after this
 *     MentionPage page = archive.search(MentionSearch.mentions(50));
 * }
 * }</pre>
 *
 * <p>The folder is created when missing; an existing index is reopened with everything it had committed. Only
 * one process may hold a folder: a second {@code open} fails with an {@link
 * io.earshot.embedded.archive.ArchiveException} saying so. Every I/O failure is an {@code ArchiveException}
 * naming the operation and the folder.
 *
 * <h2>What survives what</h2>
 *
 * <ul>
 *   <li>{@code commit()} fsyncs: what it covers survives a crash, a {@code kill -9} or a power cut.
 *   <li>{@code close()} commits, so a clean shutdown loses nothing.
 *   <li>A crash keeps exactly the last commit: later upserts, deletes and engagement updates are gone, and
 *       the index opens clean. The pipeline commits source cursors only after the archive's commit, so the
 *       source replays what was lost, and idempotent upserts make the replay harmless.
 * </ul>
 *
 * <h2>Reads and visibility</h2>
 *
 * <p>{@code search}, {@code get}, {@code forEachSince} and {@code size} read the searcher of the last {@code
 * refresh()} (Lucene near-real-time search); any number of threads may read while one pipeline thread
 * writes. {@code contains} and {@code updateEngagement} know about writes not yet refreshed (the archive keeps the
 * keys written since the last refresh), and {@code deleteByAuthor} and {@code purgeUnmatchedBefore} refresh before they count, so
 * their answers cover every write so far.
 *
 * <h2>How a mention is stored</h2>
 *
 * <p>One document per post: the searchable fields of {@link io.earshot.lucene.PostDocuments} analysed with
 * {@link io.earshot.lucene.PostAnalyzer#forDocuments()} (so the query language means what it means in live
 * matching), plus the archive's own fields: the key (the update term, and the sort tie-break), the creation
 * time in epoch milliseconds (points and doc values), the matched topic ids, a matched marker, the author, the
 * encoded post and matches (a versioned binary record), and the four engagement counters as numeric doc
 * values, which {@code updateEngagement} changes in place without reindexing the text.
 *
 * <p>Results come newest first; posts created in the same millisecond come in key order. A page cursor holds
 * the last hit's (millisecond, key), so pages do not shift when newer posts arrive while someone is paging.
 * Creation times keep their full precision in the stored record; the order compares them to the millisecond
 * (then by key), while the {@code forEachSince} and {@code purgeUnmatchedBefore} boundaries use the exact
 * instant. Segments are kept sorted newest first, so a page of results costs about the same however large the
 * archive grows.
 *
 * <p>Text is indexed with positions (phrases, proximity) but, in archives created since 2026-11-27, without
 * offsets ({@code TextLayout}): highlights come with each mention, and offsets made indexing and merging a good
 * deal dearer. An archive written with offsets keeps them. A large batch is written from one thread per core
 * ({@code ParallelWrites}).
 *
 * <p>Analytics ({@link io.earshot.embedded.archive.LuceneMentionArchive#analytics()}) count from doc-values
 * columns added to every document ({@code AnalyticsFields}: topics, network, language, sentiment, emotion,
 * author, followers, hashtags, links, domains, terms): the scope runs as a Lucene filter, each segment's
 * columns are read for the matching documents, and multi-valued columns are counted by segment ordinal, then
 * folded into one global numbering per reader ({@code GlobalOrdinals}, rebuilt after a refresh). A server calls
 * {@link io.earshot.embedded.archive.LuceneMentionArchive#keepAnalyticsWarm} so that a background thread rebuilds
 * that numbering for each new reader and {@code top}/{@code trending} answer from a reader at most that lag old
 * ({@code FacetReaders}) instead of paying for the rebuild themselves. Mentions
 * archived before these columns existed count under "none" until written again.
 */
package io.earshot.embedded.archive;
