package io.earshot.server.reliability;

import io.earshot.archive.MentionArchive;
import io.earshot.embedded.state.SqliteSentimentCorrections;
import io.earshot.embedded.state.SqliteStateStore;
import io.earshot.enrich.Enricher;
import io.earshot.ingest.AuthorProfiles;
import io.earshot.ingest.BatchProcessor;
import io.earshot.ingest.IngestPipeline;
import io.earshot.match.TopicMatcher;
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
}
