/**
 * How posts and queries look to Lucene, shared by the live matcher and archive search so that a topic
 * means exactly the same in both.
 *
 * <ul>
 *   <li>{@link io.earshot.lucene.PostDocuments#toDocument} turns a post into indexed fields
 *       ({@link io.earshot.lucene.IndexFields}); index it with {@link io.earshot.lucene.PostAnalyzer#forDocuments()}.
 *   <li>{@link io.earshot.lucene.QueryCompiler#compile} turns a parsed query into a Lucene query over those
 *       fields: run it against that index, or register it in a Lucene Monitor.
 * </ul>
 *
 * <pre>{@code
 * IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(PostAnalyzer.forDocuments()));
 * writer.addDocument(PostDocuments.toDocument(post));
 * Query query = new QueryCompiler().compile(QueryParser.parse("apple NEAR/3 watch").root());
 * searcher.search(query, 10);
 * }</pre>
 *
 * <p>Words are Unicode words, lower-cased, accents folded and possessive {@code 's} removed, so
 * {@code café} finds "Café's" but {@code apple} never finds "pineapple". {@code exact:} uses a parallel
 * field that keeps case and accents. Links are canonicalised by {@link io.earshot.lucene.Links} (scheme,
 * {@code www.}, tracking parameters dropped); {@code links:example.com/blog} finds every page under that
 * path through {@link io.earshot.lucene.IndexFields#LINKS_UNDER}, and an address with a query string finds
 * that exact page. NEAR and ONEAR compile to Lucene intervals.
 */
package io.earshot.lucene;
