package io.earshot.server.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.earshot.alert.AlertChannels;
import io.earshot.alert.AlertEngine;
import io.earshot.alert.AlertRule;
import io.earshot.alert.AlertRuleStore;
import io.earshot.alert.AlertRuleStore.StoredAlert;
import io.earshot.alert.AlertRuleStore.StoredRule;
import io.earshot.alert.AlertSink;
import io.earshot.alert.AlertState;
import io.earshot.alert.ChannelSpec;
import io.earshot.alert.FiredAlert;
import io.earshot.server.http.BadRequestException;
import io.earshot.server.http.ConflictException;
import io.earshot.server.http.Json;
import io.earshot.server.mention.MentionJson;
import io.earshot.topic.TopicService;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alert rules as users manage them: checked (topics exist, filter parses, channels reachable and allowed),
 * stored as written, handed to the engine; and what the engine fires, recorded in the rule's history, then
 * queued to its channels and the live stream. Rules changed by the CLI in the same data folder are picked up
 * by {@link #syncFromStore()}.
 */
public final class AlertService implements AlertSink {

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);
    private static final String HIDDEN = "********";
    /** Marks rules that the config file owns: the API and the CLI may pause them, not change them. */
    static final String FROM_CONFIG = "from_config";

    private final AlertRuleStore store;
    private final AlertState state;
    private final AlertEngine engine;
    private final AlertChannels channels;
    private final TopicService topics;
    private final Clock clock;
    private final BiConsumer<AlertRule, Map<String, Object>> liveStream;
    /** What the engine was last given for each rule: its updated time and paused state. */
    private final Map<Long, StoredRule> loaded = new HashMap<>();

    public AlertService(
            AlertRuleStore store,
            AlertState state,
            AlertEngine engine,
            AlertChannels channels,
            TopicService topics,
            Clock clock,
            BiConsumer<AlertRule, Map<String, Object>> liveStream) {
        this.store = store;
        this.state = state;
        this.engine = engine;
        this.channels = channels;
        this.topics = topics;
        this.clock = clock;
        this.liveStream = liveStream;
    }

    /** Hands every stored rule to the engine; a rule that no longer parses is logged and skipped. */
    public synchronized void loadAll() {
        syncFromStore();
    }

    /** Picks up rules created, changed or deleted elsewhere (the CLI); returns how many changed. */
    public synchronized int syncFromStore() {
        int changed = 0;
        Map<Long, StoredRule> stored = new HashMap<>();
        store.list().forEach(rule -> stored.put(rule.id(), rule));
        for (StoredRule rule : stored.values()) {
            StoredRule known = loaded.get(rule.id());
            if (known == null || !known.updated().equals(rule.updated()) || known.paused() != rule.paused()) {
                try {
                    engine.put(RuleJson.parse(rule));
                    loaded.put(rule.id(), rule);
                    changed++;
                } catch (RuntimeException e) {
                    loaded.put(rule.id(), rule);
                    log.error("alert rule {} cannot run: {}", rule.id(), e.getMessage());
                }
            }
        }
        for (Long id : List.copyOf(loaded.keySet())) {
            if (!stored.containsKey(id)) {
                engine.remove(id);
                loaded.remove(id);
                changed++;
            }
        }
        return changed;
    }

    /**
     * Makes the rules of the config file true: each is created, or updated when it changed (known by name and
     * marked {@code "from_config": true}); config rules no longer in the file are removed. Topics may be named
     * instead of numbered. A rule that does not check out stops the start with its reason.
     */
    public synchronized void applyConfig(List<String> definitions) {
        Map<String, StoredRule> fromConfig = new HashMap<>();
        for (StoredRule rule : store.list()) {
            JsonNode stored = Json.read(rule.definition());
            if (stored.path(FROM_CONFIG).asBoolean(false)) {
                fromConfig.put(stored.path("name").asText(), rule);
            }
        }
        for (String definition : definitions) {
            ObjectNode rule = (ObjectNode) Json.read(definition);
            rule.put(FROM_CONFIG, true);
            rule.set("topics", topicIds(rule));
            String json = Json.write(rule);
            String name = rule.path("name").asText();
            StoredRule existing = fromConfig.remove(name);
            try {
                if (existing == null) {
                    create(json);
                } else if (!Json.read(existing.definition()).equals(Json.read(json))) {
                    update(existing.id(), json, true);
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("alerts: rule '" + name + "': " + e.getMessage(), e);
            }
        }
        fromConfig.values().forEach(stale -> delete(stale.id(), true));
    }

    private ArrayNode topicIds(ObjectNode rule) {
        ArrayNode ids = Json.mapper().createArrayNode();
        for (JsonNode topic : rule.path("topics")) {
            if (topic.isTextual() && !topic.asText().matches("\\d+")) {
                ids.add(topics.list().stream()
                        .filter(known ->
                                known.name().equalsIgnoreCase(topic.asText().strip()))
                        .findFirst()
                        .orElseThrow(() -> new BadRequestException("no topic named '" + topic.asText() + "'"))
                        .id());
            } else {
                ids.add(topic.asLong());
            }
        }
        return ids;
    }

    public synchronized StoredRule create(String definition) {
        AlertRule rule = check(definition);
        StoredRule stored = store.create(definition, clock.instant());
        if (rule.paused()) {
            stored = store.setPaused(stored.id(), true, stored.updated()).orElseThrow();
        }
        engine.put(RuleJson.parse(stored));
        loaded.put(stored.id(), stored);
        return stored;
    }

    /** Replaces a rule; secrets sent back as {@code ********} (as the API shows them) keep their value. */
    public synchronized Optional<StoredRule> update(long id, String definition) {
        return update(id, definition, false);
    }

    private Optional<StoredRule> update(long id, String definition, boolean byConfig) {
        Optional<StoredRule> existing = store.get(id);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        if (!byConfig) {
            refuseConfigRule(existing.get());
        }
        String merged = keepSecrets(definition, existing.get().definition());
        AlertRule rule = check(merged);
        Optional<StoredRule> updated = store.update(id, merged, clock.instant());
        if (updated.isPresent() && rule.paused() != updated.get().paused()) {
            updated = store.setPaused(id, rule.paused(), clock.instant());
        }
        updated.ifPresent(this::hand);
        return updated;
    }

    public synchronized Optional<StoredRule> setPaused(long id, boolean paused) {
        Optional<StoredRule> updated = store.setPaused(id, paused, clock.instant());
        updated.ifPresent(this::hand);
        return updated;
    }

    public synchronized boolean delete(long id) {
        return delete(id, false);
    }

    private boolean delete(long id, boolean byConfig) {
        if (!byConfig) {
            store.get(id).ifPresent(AlertService::refuseConfigRule);
        }
        boolean deleted = store.delete(id);
        if (deleted) {
            engine.remove(id);
            state.forget(id);
            loaded.remove(id);
        }
        return deleted;
    }

    public List<StoredRule> list() {
        return store.list();
    }

    public Optional<StoredRule> get(long id) {
        return store.get(id);
    }

    public List<StoredAlert> history(long id, Optional<Long> before, int limit) {
        return store.history(id, before, limit);
    }

    /** Records a fired alert in its rule's history, then queues it to the channels and the live stream. */
    @Override
    public void fired(AlertRule rule, FiredAlert alert) {
        Map<String, Object> notification = notification(alert);
        notification.remove("id"); // the history row's id is the alert's id
        long id = store.appendHistory(rule.id(), alert.kind().id(), alert.firedAt(), Json.write(notification));
        FiredAlert recorded = alert.withId(id);
        channels.send(recorded, rule.channels());
        liveStream.accept(rule, notification(recorded));
    }

    /** A fired alert as the API, the history and the live stream show it. */
    public static Map<String, Object> notification(FiredAlert alert) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", alert.id());
        json.put("rule", Map.of("id", alert.ruleId(), "name", alert.ruleName()));
        json.put("type", alert.kind().id());
        json.put("firedAt", alert.firedAt().toString());
        json.put("reason", alert.reason());
        alert.severity().ifPresent(severity -> json.put("severity", severity.id()));
        json.put("mentions", alert.mentions().stream().map(MentionJson::of).toList());
        json.put("summary", alert.summary());
        return json;
    }

    private AlertRule check(String definition) {
        return check(definition, clock.instant(), id -> topics.get(id).isPresent(), channels);
    }

    /**
     * Checks a rule's definition as the API does: it parses, its topics exist, its filter is valid and its
     * channels are allowed ({@code earshot alert add} uses it too).
     *
     * @throws BadRequestException or {@link io.earshot.query.QuerySyntaxException} saying what is wrong
     */
    public static AlertRule check(
            String definition, java.time.Instant now, LongPredicate topicExists, AlertChannels channels) {
        AlertRule rule = RuleJson.check(definition, now);
        for (long topic : rule.scope().topics()) {
            if (!topicExists.test(topic)) {
                throw new BadRequestException("no topic " + topic + ": create it first (POST /api/v1/topics)");
            }
        }
        rule.scope().filter().ifPresent(AlertEngine::checkFilter);
        for (ChannelSpec channel : rule.channels()) {
            try {
                channels.check(channel);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(channel.type() + " channel: " + e.getMessage());
            }
        }
        return rule;
    }

    private static void refuseConfigRule(StoredRule rule) {
        if (Json.read(rule.definition()).path(FROM_CONFIG).asBoolean(false)) {
            throw new ConflictException("alert rule " + rule.id()
                    + " comes from the config file (earshot.yml, 'alerts:'); change or remove it there and restart");
        }
    }

    private void hand(StoredRule stored) {
        engine.put(RuleJson.parse(stored));
        loaded.put(stored.id(), stored);
    }

    private static String keepSecrets(String definition, String previous) {
        JsonNode next = Json.read(definition);
        JsonNode before = Json.read(previous);
        if (!(next.path("channels") instanceof ArrayNode channels)) {
            return definition;
        }
        boolean changed = false;
        for (JsonNode channel : channels) {
            if (channel instanceof ObjectNode object
                    && HIDDEN.equals(object.path("secret").asText(null))) {
                for (JsonNode old : before.path("channels")) {
                    if (old.path("url").equals(object.path("url")) && old.has("secret")) {
                        object.set("secret", old.get("secret"));
                        changed = true;
                    }
                }
            }
        }
        return changed ? Json.write(next) : definition;
    }
}
