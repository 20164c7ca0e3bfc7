package io.earshot.embedded.archive;

import static io.earshot.testkit.contract.ContractPosts.T0;
import static io.earshot.testkit.contract.ContractPosts.matched;
import static io.earshot.testkit.contract.ContractPosts.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.archive.MentionArchive.MentionPage;
import io.earshot.archive.MentionSearch;
import io.earshot.domain.Mention;
import io.earshot.query.QueryNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the embedded archive promises beyond the port contract. */
class LuceneMentionArchiveBehaviourTest {

    @TempDir
    Path dir;

    @Test
    void closeCommitsSoACleanShutdownLosesNothing() {
        Mention mention = matched(post("kept", T0, "written just before shutdown"), 1);
        try (LuceneMentionArchive archive = LuceneMentionArchive.open(dir)) {
            archive.upsert(List.of(mention));
        }
        try (LuceneMentionArchive archive = LuceneMentionArchive.open(dir)) {
            assertThat(archive.get(mention.key())).contains(mention);
        }
    }

    @Test
    void aLargeBatchWrittenFromSeveralThreadsKeepsTheLastVersionOfEachPost() {
        List<Mention> batch = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            batch.add(matched(post("big" + i, T0.plusSeconds(i), "first version " + i), 1));
        }
        for (int i = 0; i < 1_000; i += 7) {
            // edits in the same batch, far from the first version: another thread may write either
            batch.add(matched(post("big" + i, T0.plusSeconds(i), "edited version " + i), 2));
        }
        try (LuceneMentionArchive archive = LuceneMentionArchive.open(dir)) {
            archive.upsert(batch);
            assertThat(archive.contains(batch.get(999).key()))
                    .as("known before a refresh")
                    .isTrue();
            archive.refresh();
            assertThat(archive.size()).isEqualTo(1_000);
            assertThat(archive.get(batch.get(7).key()).orElseThrow().post().text())
                    .isEqualTo("edited version 7");
            assertThat(archive.get(batch.get(8).key()).orElseThrow().post().text())
                    .isEqualTo("first version 8");
            assertThat(archive.search(new MentionSearch(Optional.of(2L), Optional.empty(), true, 1, Optional.empty()))
                            .total())
                    .isEqualTo(143);
        }
    }

    @Test
    void closeIsIdempotent() {
        LuceneMentionArchive archive = LuceneMentionArchive.open(dir);
        archive.close();
        archive.close();
    }

    @Test
    void aSecondOpenOfTheSameFolderIsRefusedWithTheReason() {
        try (LuceneMentionArchive archive = LuceneMentionArchive.open(dir)) {
            assertThatThrownBy(() -> LuceneMentionArchive.open(dir))
                    .isInstanceOf(ArchiveException.class)
                    .hasMessageContaining(dir.toAbsolutePath().toString())
                    .hasMessageContaining("another Earshot process");
            assertThat(archive.directory()).isEqualTo(dir.toAbsolutePath());
        }
    }

    @Test
    void aFolderThatCannotBeCreatedIsReportedWithItsPath() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> LuceneMentionArchive.open(file.resolve("archive")))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("open failed")
                .hasMessageContaining(file.resolve("archive").toString());
    }

    @Test
    void anIndexWithAnotherLayoutIsRefusedWithWhatToDo() throws Exception {
        try (FSDirectory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            Document doc = new Document();
            doc.add(new StringField("_key", "bluesky:x", Field.Store.NO));
            writer.addDocument(doc);
        }
        assertThatThrownBy(() -> LuceneMentionArchive.open(dir))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("move the folder aside");
    }

    @Test
    void searchesFromManyThreadsRunWhileThePipelineWrites() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try (LuceneMentionArchive archive = LuceneMentionArchive.open(dir)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                results.add(readers.submit(() -> {
                    int searches = 0;
                    long lastTotal = 0;
                    while (writing.get() || searches == 0) {
                        MentionPage page = archive.search(new MentionSearch(
                                Optional.of(1L), Optional.of(new QueryNode.Word("post")), true, 20, Optional.empty()));
                        // refreshes only ever add posts here: a reader never sees the count go back
                        assertThat(page.total()).isGreaterThanOrEqualTo(lastTotal);
                        lastTotal = page.total();
                        page.next()
                                .ifPresent(next -> archive.search(new MentionSearch(
                                        Optional.of(1L), Optional.empty(), true, 20, Optional.of(next))));
                        searches++;
                        // leave the two test cores to the writer too
                        Thread.sleep(1);
                    }
                    return searches;
                }));
            }
            for (int batch = 0; batch < 20; batch++) {
                List<Mention> mentions = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    mentions.add(
                            matched(post("b" + batch + "-" + i, T0.plusSeconds(batch * 100L + i), "post " + i), 1));
                }
                archive.upsert(mentions);
                archive.refresh();
            }
            writing.set(false);
            for (Future<Integer> result : results) {
                assertThat(result.get()).isPositive();
            }
            assertThat(archive.search(MentionSearch.mentions(1)).total()).isEqualTo(2000);
        } finally {
            readers.shutdownNow();
        }
    }
}
