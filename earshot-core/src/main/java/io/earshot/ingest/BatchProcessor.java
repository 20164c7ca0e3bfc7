package io.earshot.ingest;

import io.earshot.archive.MentionArchive;
import io.earshot.domain.Author;
import io.earshot.domain.Engagement;
import io.earshot.domain.Interaction;
import io.earshot.domain.InteractionKey;
import io.earshot.domain.Mention;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
import io.earshot.domain.TopicMatch;
import io.earshot.enrich.Enricher;
import io.earshot.enrich.Enrichment;
import io.earshot.enrich.lang.LanguageDetector;
import io.earshot.enrich.sentiment.SentimentLabel;
import io.earshot.graph.InteractionGraph;
import io.earshot.match.TopicMatcher;
import io.earshot.source.SourceEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a batch of events to storage: de-duplicate, match topics, store; deletes, edits and
 * interactions update what was stored. Every step is idempotent, so a replayed batch changes nothing.
 *
 * <p>Within a batch the last word on a post wins: a post created and deleted in the same batch is never
 * stored, and a deleted post (a tombstone) is never stored again, whatever arrives later.
 */
public final class BatchProcessor {

    /** Account statuses after which a network no longer serves the account's posts. */
    private static final Set<String> GONE = Set.of("deleted", "takendown", "suspended");

    private final MentionArchive archive;
    private final TopicMatcher matcher;
    private final TombstoneStore tombstones;
    private final InteractionLedger ledger;
    private final AuthorDirectory authors;
    private final Enricher enricher;
    private final SentimentCorrections corrections;
    private final InteractionGraph graph;
    private final AuthorProfiles profiles;
    private final Clock clock;
    private final List<PostKey> deleted = new ArrayList<>();

    public BatchProcessor(
            MentionArchive archive,
            TopicMatcher matcher,
            TombstoneStore tombstones,
            InteractionLedger ledger,
            AuthorDirectory authors,
            Enricher enricher,
            SentimentCorrections corrections,
            InteractionGraph graph,
            AuthorProfiles profiles,
            Clock clock) {
        this.archive = archive;
        this.matcher = matcher;
        this.tombstones = tombstones;
        this.ledger = ledger;
        this.authors = authors;
        this.enricher = enricher;
        this.corrections = corrections;
        this.graph = graph;
        this.profiles = profiles;
        this.clock = clock;
    }

    /**
     * The posts deleted by the batches processed since the last call (for listeners that keep copies of posts,
     * such as the inbox); the pipeline takes them after each batch.
     */
    public List<PostKey> takeDeleted() {
        List<PostKey> taken = List.copyOf(deleted);
        deleted.clear();
        return taken;
    }

    /**
     * Applies {@code events} in order and returns the mentions it stored (posts that matched a topic);
     * not thread-safe (the pipeline's single writer calls it).
     */
    public List<Mention> process(List<SourceEvent> events, IngestCounters counters) {
        Map<PostKey, Post> upserts = new LinkedHashMap<>();
        Set<PostKey> deletes = new LinkedHashSet<>();
        List<SourceEvent> interactions = new ArrayList<>();
        for (SourceEvent event : events) {
            switch (event) {
                case SourceEvent.PostCreated created -> stage(created.post(), upserts, deletes, counters);
                case SourceEvent.PostEdited edited -> stage(edited.post(), upserts, deletes, counters);
                case SourceEvent.PostDeleted deleted -> {
                    upserts.remove(deleted.key());
                    deletes.add(deleted.key());
                }
                case SourceEvent.InteractionAdded added -> interactions.add(added);
                case SourceEvent.InteractionRemoved removed -> interactions.add(removed);
                case SourceEvent.AccountChanged changed -> accountChanged(changed, counters);
            }
        }
        if (!deletes.isEmpty()) {
            // tombstones first: if we crash after this, the replayed delete still removes the post
            tombstones.bury(deletes, clock.instant());
        }
        for (PostKey key : tombstones.buried(upserts.keySet())) {
            upserts.remove(key);
            counters.refusedAsDeleted();
        }
        // interactions go to the ledger before posts are written, so a post stored in this batch carries them
        Set<PostKey> toRefresh = new LinkedHashSet<>();
        for (SourceEvent event : interactions) {
            Optional<PostKey> touched = switch (event) {
                case SourceEvent.InteractionAdded added ->
                    interactionAdded(added.interaction(), upserts.keySet(), deletes, counters);
                case SourceEvent.InteractionRemoved removed -> interactionRemoved(removed, counters);
                default -> throw new IllegalStateException("not an interaction: " + event);
            };
            touched.filter(key -> !upserts.containsKey(key) && !deletes.contains(key))
                    .ifPresent(toRefresh::add);
        }
        recordEdges(interactions);
        List<Mention> stored = storePosts(upserts, counters);
        // recomputed from the ledger every time, so a replay after a crash repairs a counter instead of doubling it
        for (PostKey key : toRefresh) {
            archive.updateEngagement(key, ledger.engagementOf(key));
        }
        if (!deletes.isEmpty()) {
            archive.delete(deletes);
            deletes.forEach(ledger::forgetSubject);
            counters.postsDeleted(deletes.size());
            deleted.addAll(deletes);
        }
        return stored;
    }

    private static void stage(Post post, Map<PostKey, Post> upserts, Set<PostKey> deletes, IngestCounters counters) {
        if (deletes.contains(post.key())) {
            counters.refusedAsDeleted();
            return;
        }
        upserts.put(post.key(), post);
    }

    /** Matches and stores the posts; returns those that matched a topic (new mentions, edits of them) and replies. */
    private List<Mention> storePosts(Map<PostKey, Post> upserts, IngestCounters counters) {
        if (upserts.isEmpty()) {
            return List.of();
        }
        List<Post> posts = new ArrayList<>(upserts.size());
        List<Enrichment> heard = new ArrayList<>(upserts.size());
        Map<Network, Map<String, String>> handles = knownHandles(upserts.values());
        Map<PostKey, Engagement> engagement = ledger.engagementOf(upserts.keySet());
        for (Post post : upserts.values()) {
            Post named = withKnownAuthor(post, handles);
            Enrichment enrichment = enricher.enrich(named);
            heard.add(enrichment);
            // the detected language joins the post when the network gave none, so lang: means the same live and in
            // search
            boolean detected = named.langs().isEmpty() && !enrichment.lang().equals(LanguageDetector.UNDETERMINED);
            posts.add(detected ? named.withLangs(List.of(enrichment.lang())) : named);
        }
        List<List<TopicMatch>> matches = matcher.match(posts);
        Map<PostKey, SentimentLabel> corrected = corrections.corrections(upserts.keySet());
        List<Mention> mentions = new ArrayList<>(posts.size());
        for (int i = 0; i < posts.size(); i++) {
            Post post = posts.get(i);
            mentions.add(new Mention(
                    post,
                    matches.get(i),
                    engagement.getOrDefault(post.key(), Engagement.NONE),
                    Optional.of(heard.get(i)),
                    Optional.ofNullable(corrected.get(post.key()))));
            counters.postStored(!matches.get(i).isEmpty());
        }
        archive.upsert(mentions);
        // replies that matched no topic go along too: the inbox follows the threads of its cases
        return mentions.stream()
                .filter(mention -> mention.matchedAnyTopic()
                        || mention.post().replyParent().isPresent())
                .toList();
    }

    /** The handles learned from identity events for the authors that came without one, per network. */
    private Map<Network, Map<String, String>> knownHandles(Collection<Post> posts) {
        Map<Network, Set<String>> unnamed = new EnumMap<>(Network.class);
        for (Post post : posts) {
            if (post.author().handle().isEmpty()) {
                unnamed.computeIfAbsent(post.network(), network -> new LinkedHashSet<>())
                        .add(post.author().id());
            }
        }
        Map<Network, Map<String, String>> handles = new EnumMap<>(Network.class);
        unnamed.forEach((network, ids) -> handles.put(network, authors.handles(network, ids)));
        return handles;
    }

    /** The post with what Earshot knows of its author: a handle learned from identity events, the public profile. */
    private Post withKnownAuthor(Post post, Map<Network, Map<String, String>> handles) {
        Author author = post.author();
        if (author.handle().isEmpty()) {
            Optional<String> handle = Optional.ofNullable(
                    handles.getOrDefault(author.network(), Map.of()).get(author.id()));
            if (handle.isPresent()) {
                author = new Author(author.network(), author.id(), handle, author.displayName(), author.followers());
            }
        }
        author = profiles.complete(author);
        return author.equals(post.author()) ? post : post.withAuthor(author);
    }

    /** Records an interaction on a post Earshot keeps; returns the post whose counters changed. */
    private Optional<PostKey> interactionAdded(
            Interaction interaction, Set<PostKey> storedNow, Set<PostKey> deletes, IngestCounters counters) {
        Optional<PostKey> subject = interaction.subjectPost();
        if (subject.isEmpty() || deletes.contains(subject.get())) {
            counters.interactionUntracked();
            return Optional.empty();
        }
        PostKey key = subject.get();
        if (!storedNow.contains(key) && !archive.contains(key)) {
            // engagement is counted for posts Earshot keeps; the firehose's likes of other posts are not stored
            counters.interactionUntracked();
            return Optional.empty();
        }
        if (ledger.record(interaction)) {
            counters.interactionCounted();
        } else {
            counters.interactionReplayed();
        }
        return subject;
    }

    private Optional<PostKey> interactionRemoved(SourceEvent.InteractionRemoved removed, IngestCounters counters) {
        Optional<Interaction> undone = ledger.remove(removed.key());
        undone.ifPresent(interaction -> counters.interactionUndone());
        return undone.flatMap(Interaction::subjectPost);
    }

    /**
     * Every repost, reply, quote, mention and follow is kept as an edge of the interaction graph, whether or
     * not its subject post is stored (the graph skips likes and self-interactions itself); undone ones go.
     */
    private void recordEdges(List<SourceEvent> interactions) {
        List<Interaction> added = new ArrayList<>();
        List<InteractionKey> removed = new ArrayList<>();
        for (SourceEvent event : interactions) {
            switch (event) {
                case SourceEvent.InteractionAdded add -> added.add(add.interaction());
                case SourceEvent.InteractionRemoved remove -> removed.add(remove.key());
                default -> throw new IllegalStateException("not an interaction: " + event);
            }
        }
        if (!added.isEmpty()) {
            graph.add(added);
        }
        if (!removed.isEmpty()) {
            graph.remove(removed);
        }
    }

    private void accountChanged(SourceEvent.AccountChanged changed, IngestCounters counters) {
        counters.accountChanged();
        changed.handle().ifPresent(handle -> authors.rememberHandle(changed.network(), changed.accountId(), handle));
        if (!changed.active() && changed.status().map(GONE::contains).orElse(false)) {
            long removed = archive.deleteByAuthor(changed.network(), changed.accountId());
            graph.removeAccount(changed.network(), changed.accountId());
            counters.postsDeleted((int) Math.min(Integer.MAX_VALUE, removed));
        }
    }
}
