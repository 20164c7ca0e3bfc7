package io.earshot.server.alert;

import io.earshot.alert.RecentMentions;
import io.earshot.archive.MentionArchive;
import io.earshot.archive.MentionArchive.MentionPage;
import io.earshot.archive.MentionSearch;
import io.earshot.domain.Mention;
import io.earshot.domain.PostKey;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Recent mentions of topics from the archive, newest first, page by page, stopping at the first mention older
 * than asked (the archive is sorted newest first); a mention of several of the topics is visited once.
 */
public final class ArchiveRecentMentions implements RecentMentions {

    private final MentionArchive archive;

    public ArchiveRecentMentions(MentionArchive archive) {
        this.archive = archive;
    }

    @Override
    public void forEach(List<Long> topics, Instant since, int limit, Consumer<Mention> visitor) {
        Set<PostKey> seen = new HashSet<>();
        for (long topic : topics) {
            Optional<String> cursor = Optional.empty();
            do {
                MentionPage page = archive.search(
                        new MentionSearch(Optional.of(topic), Optional.empty(), true, MentionSearch.MAX_LIMIT, cursor));
                for (Mention mention : page.items()) {
                    if (mention.post().createdAt().isBefore(since)) {
                        cursor = Optional.empty();
                        break;
                    }
                    if (seen.size() >= limit) {
                        return;
                    }
                    if (seen.add(mention.key())) {
                        visitor.accept(mention);
                    }
                }
                if (!page.items().isEmpty()
                        && page.items().getLast().post().createdAt().isBefore(since)) {
                    break;
                }
                cursor = page.next();
            } while (cursor.isPresent());
        }
    }
}
