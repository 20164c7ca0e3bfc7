package io.earshot.server.inbox;

import io.earshot.domain.Network;
import io.earshot.embedded.state.SqliteInbox;
import io.earshot.inbox.Assigner;
import io.earshot.inbox.CaseIntake;
import io.earshot.inbox.CaseLocks;
import io.earshot.inbox.CaseService;
import io.earshot.inbox.Presence;
import io.earshot.inbox.Router;
import io.earshot.inbox.SlaWatch;
import io.earshot.inbox.Team;
import io.earshot.inbox.contact.ContactService;
import io.earshot.inbox.metrics.OutcomeMetrics;
import io.earshot.inbox.reply.AccountService;
import io.earshot.inbox.reply.CredentialCipher;
import io.earshot.inbox.reply.ReplyNetwork;
import io.earshot.inbox.reply.ReplyService;
import io.earshot.server.http.Routes;
import io.earshot.source.reply.BlueskyReplies;
import io.earshot.source.reply.MastodonReplies;
import io.earshot.source.reply.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox wired together: cases from stored mentions (its {@link #listener()} joins the ingest pipeline),
 * routing, SLAs (checked every minute once {@link #startWatching} runs), collision, replies from connected
 * accounts, contacts and outcome metrics, and their routes.
 */
public final class Inbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    /** What may differ between a server and a test: the networks to post to, and how long presence lasts. */
    public record Options(Map<Network, ReplyNetwork> networks, Duration presenceExpiry, CaseIntake.Settings intake) {
        public Options {
            networks = Map.copyOf(networks);
        }

        /** Bluesky and Mastodon with the default retries. */
        public static Options defaults() {
            return withRetries(RetryPolicy.DEFAULT);
        }

        public static Options withRetries(RetryPolicy policy) {
            return new Options(
                    Map.of(Network.BLUESKY, new BlueskyReplies(policy), Network.MASTODON, new MastodonReplies(policy)),
                    Duration.ofSeconds(30),
                    CaseIntake.Settings.DEFAULT);
        }
    }

    private final Router router = new Router();
    private final CaseIntake intake;
    private final CaseService cases;
    private final InboxSetup setup;
    private final SlaWatch slaWatch;
    private final List<Routes> routes;
    private final AccountService accounts;

    private Inbox(
            SqliteInbox state,
            Optional<CredentialCipher> cipher,
            Options options,
            Clock clock,
            Consumer<Map<String, Object>> breaches) {
        // the intake exists before the setup publishes rules to it; teams are looked up in the setup once it is
        // there (before any mention arrives)
        java.util.function.Function<String, Optional<Team>> teams = this::team;
        this.accounts = new AccountService(state.replies(), options.networks(), cipher, clock);
        CaseLocks locks = new CaseLocks();
        this.cases = new CaseService(state.cases(), teams, clock, locks);
        ContactService contacts = new ContactService(state.contacts(), state.cases(), state.projects(), clock);
        this.intake = new CaseIntake(
                state.cases(),
                router,
                new Assigner(state.cases(), state.definitions()),
                teams,
                accounts::isOwn,
                contacts,
                clock,
                options.intake(),
                locks,
                state.commits());
        this.setup = new InboxSetup(
                state.definitions(), clock, (rules, mode) -> intake.submit(() -> router.replace(rules, mode)));
        this.slaWatch = new SlaWatch(
                state.cases(),
                cases,
                (c, timer, reading) -> {
                    Map<String, Object> notification = new LinkedHashMap<>();
                    notification.put("type", "sla_breach");
                    notification.put("case", c.id());
                    notification.put("team", c.team().orElse(null));
                    notification.put("assignee", c.assignee().orElse(null));
                    notification.put("priority", c.priority().id());
                    notification.put("timer", timer);
                    notification.put("due", reading.due().orElse(null));
                    breaches.accept(notification);
                },
                clock);
        Presence presence = new Presence(clock, options.presenceExpiry());
        ReplyService replies = new ReplyService(state.replies(), accounts, cases, teams, clock);
        this.routes = List.of(
                new InboxErrors(),
                new CaseRoutes(cases, replies, contacts, presence),
                new ReplyRoutes(replies, cases, setup, contacts),
                new SetupRoutes(setup),
                new AccountRoutes(accounts),
                new ContactRoutes(contacts, cases),
                new MetricsRoutes(new OutcomeMetrics(state.cases(), state.replies(), state.contacts(), teams), clock));
    }

    /**
     * Opens the inbox on its state. {@code EARSHOT_SECRET_KEY} in {@code env} encrypts connected accounts'
     * credentials; without it the inbox works, and connecting an account says what to set.
     *
     * @param breaches told about each SLA breach (the live stream sends it as an alert)
     */
    public static Inbox open(
            SqliteInbox state,
            Map<String, String> env,
            Options options,
            Clock clock,
            Consumer<Map<String, Object>> breaches) {
        return new Inbox(state, CredentialCipher.fromEnvironment(env), options, clock, breaches);
    }

    private Optional<Team> team(String id) {
        return setup.team(id);
    }

    /** Joins the ingest pipeline: new mentions and thread replies become cases. */
    public CaseIntake listener() {
        return intake;
    }

    public List<Routes> routes() {
        return routes;
    }

    /** Checks SLAs every minute on {@code scheduler}. */
    public void startWatching(ScheduledExecutorService scheduler) {
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        int breached = slaWatch.check();
                        if (breached > 0) {
                            log.info("inbox: {} SLA target(s) missed", breached);
                        }
                    } catch (RuntimeException e) {
                        log.warn("inbox: could not check SLAs: {}", e.getMessage());
                    }
                },
                1,
                1,
                TimeUnit.MINUTES);
    }

    /** Checks SLAs now (tests; the scheduler does this every minute). */
    public int checkSlas() {
        return slaWatch.check();
    }

    /** Figures for /metrics and /health. */
    public Map<String, Number> metrics() {
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("earshot_inbox_cases_opened_total", intake.opened());
        metrics.put("earshot_inbox_cases_reopened_total", intake.reopened());
        metrics.put("earshot_inbox_mentions_dropped_total", intake.dropped());
        metrics.put("earshot_inbox_mentions_failed_total", intake.failed());
        metrics.put("earshot_inbox_sla_breaches_total", slaWatch.breaches());
        return metrics;
    }

    @Override
    public void close() {
        intake.close();
        router.close();
    }
}
