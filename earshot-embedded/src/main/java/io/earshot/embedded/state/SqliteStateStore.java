package io.earshot.embedded.state;

import io.earshot.account.AccountStore;
import io.earshot.alert.AlertRuleStore;
import io.earshot.alert.AlertState;
import io.earshot.alert.DeliveryOutbox;
import io.earshot.domain.Engagement;
import io.earshot.domain.Interaction;
import io.earshot.domain.InteractionKey;
import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import io.earshot.graph.InteractionGraph;
import io.earshot.influence.InfluenceStore;
import io.earshot.ingest.AuthorDirectory;
import io.earshot.ingest.InteractionLedger;
import io.earshot.ingest.TombstoneStore;
import io.earshot.project.ProjectStore;
import io.earshot.source.CursorStore;
import io.earshot.source.SourceDefinitions;
import io.earshot.topic.FeedKeys;
import io.earshot.topic.Topic;
import io.earshot.topic.TopicStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every piece of embedded state in one SQLite file, {@code <dataDir>/state.db}: topics, source cursors,
 * tombstones, the interaction ledger and the author directory. Pass it wherever one of those ports is needed.
 * The interaction graph lives in the same file: {@link #graph()}. See the package documentation for durability
 * and time precision.
 */
public final class SqliteStateStore
        implements TopicStore, CursorStore, TombstoneStore, InteractionLedger, AuthorDirectory, AutoCloseable {

    private final SqliteDatabase database;
    private final SqliteTopics topics;
    private final SqliteCursors cursors;
    private final SqliteTombstones tombstones;
    private final SqliteInteractions interactions;
    private final SqliteAuthors authors;
    private final SqliteInteractionGraph graph;
    private final SqliteSourceDefinitions sourceDefinitions;
    private final SqliteAlertRules alertRules;
    private final SqliteAlertState alertState;
    private final SqliteProjects projects;
    private final SqliteDeliveries deliveries;
    private final SqliteFeedKeys feedKeys;
    private final SqliteInfluenceStore influence;
    private final SqliteInbox inbox;
    private final SqliteAccounts accounts;

    private SqliteStateStore(SqliteDatabase database, Clock clock) {
        this.database = database;
        this.topics = new SqliteTopics(database, clock);
        this.cursors = new SqliteCursors(database, clock);
        this.tombstones = new SqliteTombstones(database);
        this.interactions = new SqliteInteractions(database);
        this.authors = new SqliteAuthors(database);
        this.graph = new SqliteInteractionGraph(database);
        this.sourceDefinitions = new SqliteSourceDefinitions(database, clock);
        this.alertRules = new SqliteAlertRules(database);
        this.alertState = new SqliteAlertState(database);
        this.projects = new SqliteProjects(database, clock);
        this.deliveries = new SqliteDeliveries(database);
        this.feedKeys = new SqliteFeedKeys(database);
        this.influence = new SqliteInfluenceStore(database);
        this.inbox = new SqliteInbox(database, projects);
        this.accounts = new SqliteAccounts(database, clock);
    }

    /** Opens {@code <dataDir>/state.db}, creating the folder and the file when needed and migrating the schema. */
    public static SqliteStateStore open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    /** Like {@link #open(Path)}, with the clock that stamps topic and cursor times (tests fix it). */
    public static SqliteStateStore open(Path dataDir, Clock clock) {
        return new SqliteStateStore(SqliteDatabase.open(dataDir), clock);
    }

    /** The database file. */
    public Path file() {
        return database.file();
    }

    // topics

    @Override
    public Topic create(String name, String query) {
        return topics.create(name, query);
    }

    @Override
    public List<Topic> list() {
        return topics.list();
    }

    @Override
    public Optional<Topic> get(long id) {
        return topics.get(id);
    }

    @Override
    public Optional<Topic> update(long id, String name, String query) {
        return topics.update(id, name, query);
    }

    @Override
    public boolean delete(long id) {
        return topics.delete(id);
    }

    // cursors

    @Override
    public Optional<String> get(String sourceId) {
        return cursors.get(sourceId);
    }

    @Override
    public void commit(String sourceId, String cursor) {
        cursors.commit(sourceId, cursor);
    }

    // tombstones

    @Override
    public void bury(Collection<PostKey> keys, Instant at) {
        tombstones.bury(keys, at);
    }

    @Override
    public Set<PostKey> buried(Collection<PostKey> keys) {
        return tombstones.buried(keys);
    }

    // interactions

    @Override
    public boolean record(Interaction interaction) {
        return interactions.record(interaction);
    }

    @Override
    public Optional<Interaction> remove(InteractionKey key) {
        return interactions.remove(key);
    }

    @Override
    public Engagement engagementOf(PostKey post) {
        return interactions.engagementOf(post);
    }

    @Override
    public Map<PostKey, Engagement> engagementOf(Collection<PostKey> posts) {
        return interactions.engagementOf(posts);
    }

    @Override
    public void forgetSubject(PostKey post) {
        interactions.forgetSubject(post);
    }

    // authors

    @Override
    public void rememberHandle(Network network, String accountId, String handle) {
        authors.rememberHandle(network, accountId, handle);
    }

    @Override
    public Optional<String> handle(Network network, String accountId) {
        return authors.handle(network, accountId);
    }

    @Override
    public Map<String, String> handles(Network network, Collection<String> accountIds) {
        return authors.handles(network, accountIds);
    }

    // the interaction graph

    /**
     * The interaction graph, in the same database file: closed with this store. Its writes are separate
     * transactions from the ledger's (both are idempotent, so a replay after a crash between them repairs it).
     */
    public InteractionGraph graph() {
        return graph;
    }

    /** Sources added through the API, in the same database file. */
    public SourceDefinitions sourceDefinitions() {
        return sourceDefinitions;
    }

    /** Alert rules and their history. */
    public AlertRuleStore alertRules() {
        return alertRules;
    }

    /** The alert engine's memory: notices, minute counts, per-rule values. */
    public AlertState alertState() {
        return alertState;
    }

    /** The secrets of the topics' Atom feed URLs. */
    /** Users, sessions and API tokens. */
    public AccountStore accounts() {
        return accounts;
    }

    public FeedKeys feedKeys() {
        return feedKeys;
    }

    /** The outbox of alert deliveries and its dead letters. */
    public DeliveryOutbox deliveries() {
        return deliveries;
    }

    /** Projects: brand, competitor and other topics. */
    public ProjectStore projects() {
        return projects;
    }

    /** Influence exclusions and daily scores, in the same database file. */
    public InfluenceStore influence() {
        return influence;
    }

    /** The inbox: cases, routing rules, teams, canned replies, connected accounts, replies and contacts. */
    public SqliteInbox inbox() {
        return inbox;
    }

    /** Closes the database connection. Idempotent; every write was already committed when it returned. */
    @Override
    public void close() {
        database.close();
    }
}
