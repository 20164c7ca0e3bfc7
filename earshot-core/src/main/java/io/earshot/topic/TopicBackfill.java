package io.earshot.topic;

import io.earshot.archive.MentionArchive;
import io.earshot.archive.MentionSearch;
import io.earshot.domain.Mention;
import io.earshot.domain.Post;
import io.earshot.domain.TopicMatch;
import io.earshot.match.TopicMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the archive up to date after a topic changes: a new or edited topic is applied to every post
 * already stored (so creating a topic after ingest shows its mentions at once), and a removed or edited
 * topic is taken off the mentions it no longer matches. Runs on the ingest thread, between batches.
 */
public final class TopicBackfill {

    private static final Logger log = LoggerFactory.getLogger(TopicBackfill.class);
    private static final int PAGE = 1000;

    private final MentionArchive archive;
    private final Supplier<TopicMatcher> matchers;

    /** {@code matchers} makes an empty matcher; one is used per backfill, for one topic, to find highlighted spans. */
    public TopicBackfill(MentionArchive archive, Supplier<TopicMatcher> matchers) {
        this.archive = archive;
        this.matchers = matchers;
    }

    public void apply(TopicService.ArchiveUpdate update) {
        switch (update) {
            case TopicService.ArchiveUpdate.Apply apply -> {
                long removed = forget(apply.topic().id());
                long added = applyTopic(apply);
                log.info(
                        "topic {} ({}): backfill matched {} stored posts ({} previous matches re-checked)",
                        apply.topic().id(),
                        apply.topic().name(),
                        added,
                        removed);
            }
            case TopicService.ArchiveUpdate.Forget forget -> forget(forget.topicId());
        }
    }

    private long applyTopic(TopicService.ArchiveUpdate.Apply apply) {
        long topicId = apply.topic().id();
        long matched = 0;
        try (TopicMatcher matcher = matchers.get()) {
            matcher.put(topicId, apply.query().root());
            Optional<String> cursor = Optional.empty();
            do {
                MentionArchive.MentionPage page = archive.search(new MentionSearch(
                        Optional.empty(), Optional.of(apply.query().root()), false, PAGE, cursor));
                List<Post> posts = page.items().stream().map(Mention::post).toList();
                List<List<TopicMatch>> results = matcher.match(posts);
                List<Mention> updated = new ArrayList<>();
                for (int i = 0; i < posts.size(); i++) {
                    if (!results.get(i).isEmpty()) {
                        updated.add(
                                withTopic(page.items().get(i), results.get(i).get(0)));
                    }
                }
                archive.upsert(updated);
                matched += updated.size();
                cursor = page.next();
            } while (cursor.isPresent());
        }
        archive.refresh();
        return matched;
    }

    private long forget(long topicId) {
        long changed = 0;
        Optional<String> cursor = Optional.empty();
        do {
            MentionArchive.MentionPage page =
                    archive.search(new MentionSearch(Optional.of(topicId), Optional.empty(), true, PAGE, cursor));
            List<Mention> updated = new ArrayList<>();
            for (Mention mention : page.items()) {
                updated.add(mention.withMatches(mention.matches().stream()
                        .filter(m -> m.topicId() != topicId)
                        .toList()));
            }
            archive.upsert(updated);
            changed += updated.size();
            cursor = page.next();
        } while (cursor.isPresent());
        archive.refresh();
        return changed;
    }

    private static Mention withTopic(Mention mention, TopicMatch match) {
        List<TopicMatch> matches = new ArrayList<>();
        for (TopicMatch existing : mention.matches()) {
            if (existing.topicId() != match.topicId()) {
                matches.add(existing);
            }
        }
        matches.add(match);
        return mention.withMatches(matches);
    }
}
