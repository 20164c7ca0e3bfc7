package io.earshot.embedded.archive;

import static io.earshot.testkit.contract.ContractPosts.T0;
import static io.earshot.testkit.contract.ContractPosts.matched;
import static io.earshot.testkit.contract.ContractPosts.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.archive.MentionSearch;
import io.earshot.domain.Mention;
import io.earshot.lucene.IndexFields;
import io.earshot.lucene.PostAnalyzer;
import io.earshot.lucene.PostDocuments;
import io.earshot.query.QueryParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** New archives index text without offsets; archives written with offsets keep them and go on working. */
class TextLayoutTest {

    @TempDir
    Path dir;

    @Test
    void aNewArchiveIndexesTextWithoutOffsetsAndPhrasesStillMatch() throws Exception {
        try (LuceneMentionArchive archive = LuceneMentionArchive.open(dir)) {
            archive.upsert(List.of(matched(post("new", T0, "the acme rocket launched today"), 1)));
            archive.refresh();
            assertThat(search(archive, "\"acme rocket\"")).isEqualTo(1);
            assertThat(search(archive, "\"rocket acme\"")).isZero();
        }
        assertThat(textOptions()).isEqualTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    }

    @Test
    void anArchiveWrittenWithOffsetsKeepsThemAndTakesNewMentions() throws Exception {
        Mention old = matched(post("old", T0, "acme rocket from an older build"), 1);
        IndexWriterConfig config =
                new IndexWriterConfig(PostAnalyzer.forDocuments()).setIndexSort(ArchiveDocuments.NEWEST_FIRST);
        try (FSDirectory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, config)) {
            writer.addDocument(ArchiveDocuments.toDocument(old, PostDocuments.TEXT_TYPE));
            writer.commit();
        }
        assertThat(textOptions()).isEqualTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);

        Mention now = matched(post("now", T0.plusSeconds(60), "acme rocket from this build"), 1);
        try (LuceneMentionArchive archive = LuceneMentionArchive.open(dir)) {
            archive.upsert(List.of(now));
            archive.refresh();
            assertThat(archive.get(old.key())).contains(old);
            assertThat(archive.get(now.key())).contains(now);
            assertThat(search(archive, "\"acme rocket\"")).isEqualTo(2);
        }
        assertThat(textOptions()).isEqualTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    }

    private static long search(LuceneMentionArchive archive, String query) {
        return archive.search(new MentionSearch(
                        Optional.empty(), Optional.of(QueryParser.parse(query).root()), true, 10, Optional.empty()))
                .total();
    }

    private IndexOptions textOptions() throws Exception {
        try (FSDirectory directory = FSDirectory.open(dir);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            return FieldInfos.getMergedFieldInfos(reader)
                    .fieldInfo(IndexFields.TEXT)
                    .getIndexOptions();
        }
    }
}
