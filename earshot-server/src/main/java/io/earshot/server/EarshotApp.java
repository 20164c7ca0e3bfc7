package io.earshot.server;

import io.earshot.alert.AlertChannels;
import io.earshot.alert.AlertEngine;
import io.earshot.alert.AlertRule;
import io.earshot.alert.FiredAlert;
import io.earshot.analytics.MentionAnalytics;
import io.earshot.archive.MentionArchive;
import io.earshot.embedded.archive.LuceneMentionArchive;
import io.earshot.embedded.state.SqliteSentimentCorrections;
import io.earshot.embedded.state.SqliteStateStore;
import io.earshot.enrich.Enricher;
import io.earshot.enrich.emotion.EmotionClassifier;
import io.earshot.enrich.entity.EntityExtractor;
import io.earshot.enrich.lang.LanguageDetector;
import io.earshot.enrich.sentiment.SentimentClassifier;
import io.earshot.enrich.sentiment.SentimentModel;
import io.earshot.graph.InteractionGraph;
import io.earshot.influence.InfluenceService;
import io.earshot.influence.InfluenceSettings;
import io.earshot.influence.TopicInfluence;
import io.earshot.ingest.AuthorProfiles;
import io.earshot.ingest.BatchProcessor;
import io.earshot.ingest.IngestPipeline;
import io.earshot.match.CompiledTopicMatcher;
import io.earshot.match.TopicMatcher;
import io.earshot.server.account.AccountRoutes;
import io.earshot.server.account.AccountSettings;
import io.earshot.server.account.Accounts;
import io.earshot.server.account.Gate;
import io.earshot.server.account.SessionRoutes;
import io.earshot.server.alert.AlertRoutes;
import io.earshot.server.alert.AlertService;
import io.earshot.server.alert.ArchiveRecentMentions;
import io.earshot.server.alert.delivery.DeadLetterRoutes;
import io.earshot.server.alert.delivery.Outbox;
import io.earshot.server.analytics.AnalyticsRoutes;
import io.earshot.server.config.SourceSpec;
import io.earshot.server.feed.AtomFeeds;
import io.earshot.server.health.HealthRoutes;
import io.earshot.server.http.BadRequestException;
import io.earshot.server.http.HttpServer;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.earshot.server.inbox.Inbox;
import io.earshot.server.influence.AuthorRoutes;
import io.earshot.server.ingest.IngestRoutes;
import io.earshot.server.mention.MentionRoutes;
import io.earshot.server.mention.SentimentCorrector;
import io.earshot.server.project.ProjectRoutes;
import io.earshot.server.source.ProfileLookups;
import io.earshot.server.source.SourceRoutes;
import io.earshot.server.stream.LiveStream;
import io.earshot.server.topic.TopicRoutes;
import io.earshot.server.web.TopicPreviewRoutes;
import io.earshot.server.web.WebPages;
import io.earshot.source.EventMapper;
import io.earshot.source.Source;
import io.earshot.source.bluesky.JetstreamMapper;
import io.earshot.source.bluesky.profile.BlueskyProfiles;
import io.earshot.source.bluesky.profile.ProfileConfig;
import io.earshot.source.mastodon.MastodonStatusMapper;
import io.earshot.source.webhook.GenericPostMapper;
import io.earshot.topic.TopicBackfill;
import io.earshot.topic.TopicService;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where Earshot is wired together, with constructors: storage, matcher, pipeline, topics,
 * sources and the HTTP server. Tests build the same wiring (with port 0 and a temporary data folder).
 */
public final class EarshotApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EarshotApp.class);

    /**
     * How far behind the live archive analytics may answer, so that the global numbering of multi-valued columns
     * is rebuilt in the background after each refresh rather than by the next query (docs/benchmarks.md).
     */
    private static final Duration ANALYTICS_LAG = Duration.ofSeconds(2);

    /** Mention batches the alert engine may fall behind by before it counts what it missed (never blocks). */
    private static final int ALERT_QUEUE = 10_000;

    private final EarshotConfig config;
    private final Clock clock;
    private final SqliteStateStore state;
    private final MentionArchive archive;
    private final MentionAnalytics analytics;
    private final TopicMatcher matcher;
    private final SqliteSentimentCorrections corrections;
    private final Enricher enricher;
    private final AuthorProfiles profiles;
    private final IngestPipeline pipeline;
    private final TopicService topics;
    private final InfluenceService influence;
    private final SourceRunner sources;
    private final ScheduledExecutorService housekeeping;
    private final LiveStream liveStream = new LiveStream();
    private final AlertEngine alertEngine;
    private final AlertService alerts;
    private final Outbox outbox;
    private final Inbox inbox;
    private HttpServer http;

    private EarshotApp(EarshotConfig config, Clock clock, boolean live, Map<String, String> env) {
        this.config = config;
        this.clock = clock;
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot create the data folder " + config.dataDir().toAbsolutePath() + ": " + e.getMessage(), e);
        }
        this.state = SqliteStateStore.open(config.dataDir());
        LuceneMentionArchive lucene = openArchive(config, state);
        if (live) {
            lucene.keepAnalyticsWarm(ANALYTICS_LAG);
        }
        this.archive = lucene;
        this.analytics = lucene.analytics();
        this.matcher = new CompiledTopicMatcher();
        this.corrections = SqliteSentimentCorrections.open(config.dataDir(), clock);
        this.enricher = enricher(config);
        // offline work (replay, CLI) never reaches out to the network
        this.profiles = live ? profileLookups(config) : AuthorProfiles.NONE;
        BatchProcessor processor = new BatchProcessor(
                archive, matcher, state, state, state, enricher, corrections, state.graph(), profiles, clock);
        this.pipeline = new IngestPipeline(processor, archive, state, IngestPipeline.Settings.DEFAULT, clock);
        this.pipeline.addListener(liveStream, IngestPipeline.Moment.WRITTEN);
        this.pipeline.start();
        this.sources = new SourceRunner(pipeline, state);
        TopicBackfill backfill = new TopicBackfill(archive, CompiledTopicMatcher::new);
        this.topics = new TopicService(state, matcher, update -> pipeline.submitTask(() -> backfill.apply(update)));
        topics.loadAll().forEach(problem -> log.warn("topic not loaded: {}", problem));
        this.influence =
                new InfluenceService(state.graph(), archive, state.influence(), InfluenceSettings.DEFAULT, clock);
        this.alertEngine = new AlertEngine(
                state.alertState(),
                this::alertFired,
                new ArchiveRecentMentions(archive),
                influence::score,
                clock,
                ALERT_QUEUE);
        this.outbox = new Outbox(state.deliveries(), config.delivery(), clock);
        AlertChannels channels = outbox;
        this.alerts = new AlertService(
                state.alertRules(),
                state.alertState(),
                alertEngine,
                channels,
                topics,
                clock,
                (rule, notification) -> liveStream.alertFired(rule.scope().topics(), notification));
        if (live) {
            alerts.loadAll();
            pipeline.addListener(alertEngine, IngestPipeline.Moment.WRITTEN);
            alertEngine.start();
            outbox.start();
        }
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(runnable ->
                Thread.ofPlatform().daemon().name("earshot-housekeeping").unstarted(runnable));
        new Upkeep(clock, config.unmatchedRetention(), pipeline, archive, state, topics, sources, influence)
                .scheduleOn(housekeeping, live ? Optional.of(alerts) : Optional.empty());
        this.inbox = Inbox.open(
                state.inbox(),
                env,
                Inbox.Options.defaults(),
                clock,
                notification -> liveStream.alertFired(List.of(), notification));
        if (live) {
            pipeline.addListener(inbox.listener());
            inbox.startWatching(housekeeping);
        }
    }

    private static LuceneMentionArchive openArchive(EarshotConfig config, SqliteStateStore state) {
        try {
            return LuceneMentionArchive.open(config.dataDir().resolve("archive"));
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
    }

    /** Opens storage and the pipeline without sources or HTTP (for {@code earshot replay} and the CLI). */
    public static EarshotApp openHeadless(EarshotConfig config) {
        return new EarshotApp(config, Clock.systemUTC(), false, System.getenv());
    }

    /** Opens everything, starts the configured source and serves HTTP. */
    public static EarshotApp start(EarshotConfig config) {
        return start(config, AccountSettings.fromEnvironment(Map.of(), config.apiToken()));
    }

    /** Like {@link #start(EarshotConfig)}, with how accounts bootstrap ({@code EARSHOT_ADMIN_PASSWORD}) and cookies. */
    public static EarshotApp start(EarshotConfig config, AccountSettings accountSettings) {
        return start(config, accountSettings, System.getenv());
    }

    /** Like {@link #start(EarshotConfig, AccountSettings)}, with the environment secrets come from ({@code EARSHOT_SECRET_KEY}). */
    public static EarshotApp start(EarshotConfig config, AccountSettings accountSettings, Map<String, String> env) {
        EarshotApp app = new EarshotApp(config, Clock.systemUTC(), true, env);
        try {
            app.alerts.applyConfig(config.alerts());
            for (SourceSpec spec : config.activeSources()) {
                app.sources.start(SourceFactory.create(spec, app.state));
            }
            if (config.source() != EarshotConfig.SourceChoice.NONE) {
                app.sources.startStored();
            }
            app.serveHttp(accountSettings);
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private void serveHttp(AccountSettings accountSettings) {
        Accounts accounts = new Accounts(state.accounts(), accountSettings, clock);
        accounts.bootstrap();
        Optional<String> setupCode = accounts.beginSetup(config.dataDir());
        SessionRoutes sessions = new SessionRoutes(accounts);
        JetstreamMapper jetstream = new JetstreamMapper();
        GenericPostMapper post = new GenericPostMapper();
        Map<String, Function<Context, EventMapper>> formats = Map.of(
                "jetstream", ctx -> jetstream,
                "post", ctx -> post,
                "mastodon", ctx -> new MastodonStatusMapper(mastodonInstance(ctx)));
        List<Routes> routes = new ArrayList<>(List.of(
                new TopicRoutes(topics),
                new MentionRoutes(archive, new SentimentCorrector(archive, corrections, pipeline)),
                new IngestRoutes(
                        pipeline, formats, IngestRoutes.Limits.DEFAULT, config.apiToken(), config.ingestTokens()),
                new HealthRoutes(sources::list, pipeline, archive, state.graph(), this::featureMetrics),
                new SourceRoutes(sources::list, sources::add, sources::remove),
                new DeadLetterRoutes(outbox),
                new AlertRoutes(alerts),
                new ProjectRoutes(state.projects(), topics),
                new AtomFeeds(topics, archive, state.feedKeys(), config.apiToken()),
                new AnalyticsRoutes(analytics, archive, state.projects(), topics, clock),
                new AuthorRoutes(
                        influence,
                        new TopicInfluence(archive, influence),
                        state.projects(),
                        task -> pipeline.submitTask(task).join()),
                liveStream,
                sessions,
                new AccountRoutes(accounts),
                new TopicPreviewRoutes(archive, clock),
                new WebPages(accounts, sessions)));
        routes.addAll(inbox.routes());
        this.http = new HttpServer(
                        routes, new Gate(accounts, config.ingestTokens().keySet())::check)
                .start(config.host(), config.port());
        setupCode.ifPresent(code -> log.warn(
                "No admin yet. Open http://{}:{}/setup and enter the setup code: {} (also in {})",
                config.host().equals("0.0.0.0") || config.host().equals("::") ? "localhost" : config.host(),
                http.port(),
                code,
                accounts.setupCodeFile().map(Object::toString).orElse("the data folder")));
    }

    /** The shipped models, or a sentiment model trained with {@code earshot train sentiment} ({@code EARSHOT_SENTIMENT_MODEL}). */
    private static Enricher enricher(EarshotConfig config) {
        return config.sentimentModel()
                .map(path -> new Enricher(
                        new SentimentClassifier(SentimentModel.load(path)),
                        EmotionClassifier.shipped(),
                        LanguageDetector.shipped(),
                        EntityExtractor.shipped()))
                .orElseGet(Enricher::shipped);
    }

    /**
     * Bluesky authors' profiles (display name, followers) from the public AppView, when a Bluesky source runs
     * and {@code EARSHOT_BLUESKY_PROFILES} is not {@code off} (it may name another AppView).
     */
    private static AuthorProfiles profileLookups(EarshotConfig config) {
        String setting = config.blueskyProfiles().orElse("auto");
        boolean blueskyRuns = config.activeSources().stream().anyMatch(SourceSpec.Bluesky.class::isInstance);
        if (setting.equalsIgnoreCase("off") || (setting.equalsIgnoreCase("auto") && !blueskyRuns)) {
            return AuthorProfiles.NONE;
        }
        ProfileConfig profileConfig = ProfileConfig.defaults();
        if (!setting.equalsIgnoreCase("auto")) {
            profileConfig = profileConfig.withBase(URI.create(setting));
        }
        return new ProfileLookups(new BlueskyProfiles(profileConfig), profileConfig.requestsPerSecond());
    }

    /** Mastodon statuses carry instance-local ids: the webhook says which instance they come from. */
    private static URI mastodonInstance(Context ctx) {
        String instance = Requests.param(ctx, "instance")
                .orElseThrow(() -> new BadRequestException(
                        "format=mastodon needs &instance=https://<the instance the statuses come from>"));
        try {
            URI uri = URI.create(instance.strip());
            if (uri.getHost() == null
                    || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(
                    "instance must be a URL such as https://mastodon.social, got '" + instance + "'");
        }
    }

    /** Figures of alerts (and, as they land, other features) for /metrics and /health. */
    private Map<String, Number> featureMetrics() {
        Map<String, Number> metrics = new LinkedHashMap<>();
        alertEngine
                .firedByKind()
                .forEach((kind, count) -> metrics.put("earshot_alerts_fired_total{type=\"" + kind.id() + "\"}", count));
        metrics.put("earshot_alerts_mentions_checked_total", alertEngine.mentionsSeen());
        metrics.put("earshot_alerts_mentions_dropped_total", alertEngine.dropped());
        metrics.put("earshot_alerts_active_rules", alertEngine.activeRules());
        metrics.put("earshot_alert_deliveries_total{outcome=\"delivered\"}", outbox.delivered());
        metrics.put("earshot_alert_deliveries_total{outcome=\"retried\"}", outbox.retried());
        metrics.put("earshot_alert_deliveries_total{outcome=\"dead\"}", outbox.deadCount());
        metrics.putAll(inbox.metrics());
        return metrics;
    }

    /** The engine's sink: the alert service, once it exists (the two refer to each other). */
    private void alertFired(AlertRule rule, FiredAlert alert) {
        alerts.fired(rule, alert);
    }

    public int port() {
        return Optional.ofNullable(http)
                .map(HttpServer::port)
                .orElseThrow(() -> new IllegalStateException("HTTP is not running"));
    }

    public IngestPipeline pipeline() {
        return pipeline;
    }

    public TopicService topics() {
        return topics;
    }

    public MentionArchive archive() {
        return archive;
    }

    public InteractionGraph graph() {
        return state.graph();
    }

    public AlertService alerts() {
        return alerts;
    }

    public AlertEngine alertEngine() {
        return alertEngine;
    }

    public InfluenceService influence() {
        return influence;
    }

    public Inbox inbox() {
        return inbox;
    }

    public List<Source> sources() {
        return sources.list();
    }

    /** Stops sources, HTTP, then stores and commits what is queued, then closes storage. */
    @Override
    public void close() {
        housekeeping.shutdownNow();
        sources.stopAll();
        liveStream.close();
        if (http != null) {
            http.close();
        }
        // the pipeline's last commit tells the listeners about its last mentions: they close after it
        pipeline.close();
        alertEngine.close();
        inbox.close();
        outbox.close();
        matcher.close();
        archive.close();
        corrections.close();
        if (profiles instanceof ProfileLookups lookups) {
            lookups.close();
        }
        state.close();
    }
}
