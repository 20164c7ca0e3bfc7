package io.earshot.embedded.archive;

import static io.earshot.testkit.contract.ContractPosts.T0;
import static io.earshot.testkit.contract.ContractPosts.matched;
import static io.earshot.testkit.contract.ContractPosts.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.archive.MentionSearch;
import io.earshot.domain.Engagement;
import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crash keeps exactly what was committed, and leaves an index that opens and checks clean. */
class LuceneMentionArchiveCrashTest {

    @TempDir
    Path dir;

    @Test
    void aKilledProcessKeepsItsLastCommitAndNothingAfter() throws Exception {
        Path index = dir.resolve("archive");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingWriter.class.getName(),
                        index.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(output).isEqualTo(3);
        assertThat(output).contains("written");

        assertCommittedStateOnly(index);
    }

    @Test
    void aCopyTakenBeforeTheNextCommitOpensAtTheLastCommit() throws Exception {
        Path live = dir.resolve("live");
        Path snapshot = dir.resolve("snapshot");
        try (LuceneMentionArchive archive = LuceneMentionArchive.open(live)) {
            archive.upsert(CrashingWriter.batch("committed", 0));
            archive.refresh();
            archive.commit();
            archive.upsert(CrashingWriter.batch("uncommitted", 100));
            archive.updateEngagement(key("committed-0"), new Engagement(99, 0, 0, 0));
            archive.delete(List.of(key("committed-1")));
            archive.refresh();
            // the writer is still open, as in a process that died here: copy what is on disk
            copy(live, snapshot);
        }
        assertCommittedStateOnly(snapshot);
    }

    private static void assertCommittedStateOnly(Path index) throws IOException {
        try (FSDirectory directory = FSDirectory.open(index);
                CheckIndex check = new CheckIndex(directory)) {
            check.setLevel(CheckIndex.Level.MIN_LEVEL_FOR_INTEGRITY_CHECKS);
            assertThat(check.checkIndex().clean).as("index is clean").isTrue();
        }
        try (LuceneMentionArchive reopened = LuceneMentionArchive.open(index)) {
            assertThat(reopened.size()).isEqualTo(100);
            assertThat(reopened.get(key("committed-0")).orElseThrow().engagement())
                    .isEqualTo(Engagement.NONE);
            assertThat(reopened.get(key("committed-1"))).isPresent();
            assertThat(reopened.get(key("uncommitted-0"))).isEmpty();
            assertThat(reopened.search(MentionSearch.mentions(10)).total()).isEqualTo(100);

            // and it takes writes again
            reopened.upsert(List.of(matched(post("after-restart", T0, "hello again"), 1)));
            reopened.refresh();
            assertThat(reopened.size()).isEqualTo(101);
        }
    }

    private static PostKey key(String nativeId) {
        return new PostKey(Network.BLUESKY, nativeId);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("write.lock")) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
    }
}
