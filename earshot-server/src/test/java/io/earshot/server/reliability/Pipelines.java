package io.earshot.server.reliability;

import io.earshot.archive.MentionArchive;
import io.earshot.embedded.archive.LuceneMentionArchive;
import io.earshot.embedded.state.SqliteSentimentCorrections;
import io.earshot.embedded.state.SqliteStateStore;
import io.earshot.enrich.Enricher;
import io.earshot.ingest.AuthorProfiles;
import io.earshot.ingest.BatchProcessor;
import io.earshot.ingest.IngestPipeline;
import io.earshot.match.CompiledTopicMatcher;
import io.earshot.match.TopicMatcher;
import io.earshot.query.QueryParser;
import java.nio.file.Path;
import java.time.Clock;

/** An ingest pipeline over real stores, as the server wires it, for tests that drive the pipeline themselves. */
final class Pipelines {

    private Pipelines() {}

    /** Not started: add listeners first, then {@link IngestPipeline#start()}. */
    static IngestPipeline over(
            MentionArchive archive,
            TopicMatcher matcher,
            SqliteStateStore state,
            SqliteSentimentCorrections corrections,
            IngestPipeline.Settings settings) {
        BatchProcessor processor = new BatchProcessor(
                archive,
                matcher,
                state,
                state,
                state,
                Enricher.shipped(),
                corrections,
                state.graph(),
                AuthorProfiles.NONE,
                Clock.systemUTC());
        return new IngestPipeline(processor, archive, state, settings, Clock.systemUTC());
    }

    /**
     * The real stores a pipeline writes to, in one folder, with topic 1 matching {@code acme}; closing closes them
     * all.
     */
    record AcmeStores(
            SqliteStateStore state,
            SqliteSentimentCorrections corrections,
            LuceneMentionArchive archive,
            CompiledTopicMatcher matcher)
            implements AutoCloseable {

        static AcmeStores open(Path data) {
            CompiledTopicMatcher matcher = new CompiledTopicMatcher();
            matcher.put(1, QueryParser.parse("acme").root());
            return new AcmeStores(
                    SqliteStateStore.open(data),
                    SqliteSentimentCorrections.open(data, Clock.systemUTC()),
                    LuceneMentionArchive.open(data.resolve("archive")),
                    matcher);
        }

        /** A pipeline over these stores, writing to {@code archive} (these stores' archive, or a wrapper of it). */
        IngestPipeline pipeline(MentionArchive archive, IngestPipeline.Settings settings) {
            return over(archive, matcher, state, corrections, settings);
        }

        @Override
        public void close() {
            matcher.close();
            archive.close();
            corrections.close();
            state.close();
        }
    }
}
