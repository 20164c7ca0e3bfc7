package io.earshot.topic;

import io.earshot.match.TopicMatcher;
import io.earshot.query.ParsedQuery;
import io.earshot.query.QueryField;
import io.earshot.query.QueryNode;
import io.earshot.query.QueryParser;
import io.earshot.query.QuerySyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, changes and removes topics: validates the query, persists the topic, updates the live matcher
 * at once (no restart, no pause), and asks for the archive to be brought up to date (backfill).
 */
public final class TopicService {

    /** What a topic change asks of the archive; run on the ingest thread so it never races with ingestion. */
    public sealed interface ArchiveUpdate {
        record Apply(Topic topic, ParsedQuery query) implements ArchiveUpdate {}

        record Forget(long topicId) implements ArchiveUpdate {}
    }

    private final TopicStore store;
    private final TopicMatcher matcher;
    private final Consumer<ArchiveUpdate> archiveUpdates;
    /** The topics the matcher holds, as last loaded; compared with the store by {@link #syncFromStore()}. */
    private final Map<Long, Topic> live = new ConcurrentHashMap<>();

    private static final Logger log = LoggerFactory.getLogger(TopicService.class);

    public TopicService(TopicStore store, TopicMatcher matcher, Consumer<ArchiveUpdate> archiveUpdates) {
        this.store = store;
        this.matcher = matcher;
        this.archiveUpdates = archiveUpdates;
    }

    /** Loads every stored topic into the matcher (at start-up). Topics whose query no longer parses are reported, not fatal. */
    public List<String> loadAll() {
        List<String> problems = new ArrayList<>();
        for (Topic topic : store.list()) {
            try {
                matcher.put(topic.id(), QueryParser.parse(topic.query()).root());
            } catch (IllegalArgumentException e) {
                problems.add("topic " + topic.id() + " (" + topic.name() + "): " + e.getMessage());
            }
            live.put(topic.id(), topic);
        }
        return problems;
    }

    /**
     * Picks up topics changed in the store by another process (e.g. {@code earshot topic add} while the
     * server runs): new and edited topics go live and are backfilled, removed ones are taken off.
     * Returns how many topics changed.
     */
    public synchronized int syncFromStore() {
        Map<Long, Topic> stored = new HashMap<>();
        store.list().forEach(topic -> stored.put(topic.id(), topic));
        int changed = 0;
        for (Topic topic : stored.values()) {
            Topic known = live.get(topic.id());
            if (known != null
                    && known.query().equals(topic.query())
                    && known.name().equals(topic.name())) {
                continue;
            }
            live.put(topic.id(), topic);
            changed++;
            try {
                ParsedQuery parsed = QueryParser.parse(topic.query());
                matcher.put(topic.id(), parsed.root());
                archiveUpdates.accept(new ArchiveUpdate.Apply(topic, parsed));
            } catch (IllegalArgumentException e) {
                log.warn(
                        "topic {} ({}) has an invalid query and is not matched: {}",
                        topic.id(),
                        topic.name(),
                        e.getMessage());
                matcher.remove(topic.id());
            }
        }
        for (Long id : List.copyOf(live.keySet())) {
            if (!stored.containsKey(id)) {
                live.remove(id);
                matcher.remove(id);
                archiveUpdates.accept(new ArchiveUpdate.Forget(id));
                changed++;
            }
        }
        return changed;
    }

    /**
     * Creates a topic.
     *
     * @throws io.earshot.query.QuerySyntaxException when the query is invalid (nothing is stored)
     */
    public synchronized Created create(String name, String query) {
        requireName(name);
        ParsedQuery parsed = parseTopicQuery(query);
        Topic topic = store.create(name.strip(), query);
        live.put(topic.id(), topic);
        matcher.put(topic.id(), parsed.root());
        archiveUpdates.accept(new ArchiveUpdate.Apply(topic, parsed));
        return new Created(topic, parsed.warnings());
    }

    /** Replaces a topic's name and query; empty when there is no such topic. */
    public synchronized Optional<Created> update(long id, String name, String query) {
        requireName(name);
        ParsedQuery parsed = parseTopicQuery(query);
        Optional<Topic> updated = store.update(id, name.strip(), query);
        updated.ifPresent(topic -> {
            live.put(topic.id(), topic);
            matcher.put(topic.id(), parsed.root());
            archiveUpdates.accept(new ArchiveUpdate.Apply(topic, parsed));
        });
        return updated.map(topic -> new Created(topic, parsed.warnings()));
    }

    /** Removes a topic; false when there was none. */
    public synchronized boolean delete(long id) {
        boolean deleted = store.delete(id);
        if (deleted) {
            live.remove(id);
            matcher.remove(id);
            archiveUpdates.accept(new ArchiveUpdate.Forget(id));
        }
        return deleted;
    }

    public List<Topic> list() {
        return store.list();
    }

    public Optional<Topic> get(long id) {
        return store.get(id);
    }

    /**
     * A topic says what is about you; {@code sentiment:} and {@code emotion:} say how it is said, which is
     * known only after a post is heard. They filter searches (and later alerts and routing), not topics.
     */
    static ParsedQuery parseTopicQuery(String query) {
        ParsedQuery parsed = QueryParser.parse(query);
        heardField(parsed.root()).ifPresent(field -> {
            int at = query.toLowerCase(Locale.ROOT).indexOf(field.keyword() + ":");
            throw new QuerySyntaxException(
                    Math.max(0, at) + 1,
                    field.keyword()
                            + ": filters search results, not topics: a topic says what is about you; filter its mentions by "
                            + field.keyword() + " in search (GET /api/v1/mentions?topic=ID&q=" + field.keyword()
                            + ":...)");
        });
        return parsed;
    }

    private static Optional<QueryField> heardField(QueryNode node) {
        return switch (node) {
            case QueryNode.FieldFilter filter ->
                filter.field().heard() ? Optional.of(filter.field()) : Optional.empty();
            case QueryNode.And and ->
                and.clauses().stream()
                        .map(TopicService::heardField)
                        .flatMap(Optional::stream)
                        .findFirst();
            case QueryNode.Or or ->
                or.clauses().stream()
                        .map(TopicService::heardField)
                        .flatMap(Optional::stream)
                        .findFirst();
            case QueryNode.Not not -> heardField(not.clause());
            case QueryNode.Near near -> heardField(near.left()).or(() -> heardField(near.right()));
            default -> Optional.empty();
        };
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a topic needs a non-empty \"name\"");
        }
        if (name.length() > 200) {
            throw new IllegalArgumentException("a topic name can have at most 200 characters");
        }
    }

    /** A stored topic and the warnings its query raised (likely noise; not errors). */
    public record Created(Topic topic, List<String> warnings) {
        public Created {
            warnings = List.copyOf(warnings);
        }
    }
}
