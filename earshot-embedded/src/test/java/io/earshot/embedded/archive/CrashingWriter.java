package io.earshot.embedded.archive;

import static io.earshot.testkit.contract.ContractPosts.T0;
import static io.earshot.testkit.contract.ContractPosts.matched;
import static io.earshot.testkit.contract.ContractPosts.post;

import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link LuceneMentionArchiveCrashTest}: commits 100 posts, then writes 100 more, an
 * engagement update and a delete without committing (refreshed, so Lucene has flushed them to segment files),
 * and halts the JVM the way a power cut or {@code kill -9} would: no shutdown hooks, no close.
 */
final class CrashingWriter {

    public static void main(String[] args) {
        LuceneMentionArchive archive = LuceneMentionArchive.open(Path.of(args[0]));
        archive.upsert(batch("committed", 0));
        archive.refresh();
        archive.commit();

        archive.upsert(batch("uncommitted", 100));
        archive.updateEngagement(matched(post("committed-0", T0, ""), 1).key(), new Engagement(99, 0, 0, 0));
        archive.delete(List.of(matched(post("committed-1", T0, ""), 1).key()));
        archive.refresh();
        System.out.println("written");
        System.out.flush();
        Runtime.getRuntime().halt(3);
    }

    static List<Mention> batch(String prefix, int secondsAfterT0) {
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            mentions.add(matched(post(prefix + "-" + i, T0.plusSeconds(secondsAfterT0 + i), "post " + i), 1));
        }
        return mentions;
    }

    private CrashingWriter() {}
}
