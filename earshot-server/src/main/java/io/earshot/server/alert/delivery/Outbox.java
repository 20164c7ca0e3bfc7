package io.earshot.server.alert.delivery;

import io.earshot.alert.AlertChannels;
import io.earshot.alert.ChannelSpec;
import io.earshot.alert.Delivery;
import io.earshot.alert.DeliveryOutbox;
import io.earshot.alert.FiredAlert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert channels: {@link #send} renders one delivery per channel and stores them in the durable outbox
 * (then returns); a dispatcher thread hands due deliveries to a small pool of senders, records each outcome,
 * retries with exponential backoff and jitter, and moves a delivery that still fails after the last try (or
 * that can never work, such as a {@code 404}) to the dead letters. Pending deliveries found at start are sent.
 * A slow or failing receiver occupies a sender, never the alert engine or ingestion.
 */
public final class Outbox implements AlertChannels, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final int SENDERS = 4;
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);

    private final DeliveryOutbox store;
    private final DeliverySettings settings;
    private final Clock clock;
    private final Senders senders;
    private final ExecutorService pool;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder dead = new LongAdder();
    private volatile boolean running;
    private boolean signalled;
    private Thread dispatcher;

    public Outbox(DeliveryOutbox store, DeliverySettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.senders = new Senders(settings, clock);
        this.pool = Executors.newFixedThreadPool(
                SENDERS,
                runnable ->
                        Thread.ofPlatform().daemon().name("earshot-delivery").unstarted(runnable));
    }

    /** Starts sending (what is pending from before a restart, then what comes). */
    public synchronized void start() {
        if (dispatcher == null) {
            running = true;
            dispatcher = Thread.ofPlatform().daemon().name("earshot-outbox").start(this::dispatch);
        }
    }

    @Override
    public void send(FiredAlert alert, List<ChannelSpec> channels) {
        if (channels.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Delivery> deliveries = new ArrayList<>();
        for (ChannelSpec channel : channels) {
            String body = switch (channel) {
                case ChannelSpec.Webhook webhook -> Rendering.webhook(alert);
                case ChannelSpec.Slack slack -> Rendering.slack(alert);
                case ChannelSpec.Email email -> Rendering.email(alert, email.to());
            };
            deliveries.add(new Delivery(
                    UUID.randomUUID().toString(),
                    alert.ruleId(),
                    alert.id(),
                    channel.type(),
                    Rendering.target(channel),
                    Rendering.channel(channel),
                    body,
                    0,
                    Delivery.Status.PENDING,
                    now,
                    Optional.empty(),
                    alert.firedAt()));
        }
        store.enqueue(deliveries);
        signal();
    }

    @Override
    public void check(ChannelSpec channel) {
        switch (channel) {
            case ChannelSpec.Webhook webhook -> PrivateTargets.check(webhook.url(), settings.allowPrivateTargets());
            case ChannelSpec.Slack slack -> PrivateTargets.check(slack.url(), settings.allowPrivateTargets());
            case ChannelSpec.Email email -> {
                if (settings.smtp().isEmpty()) {
                    throw new IllegalArgumentException("no SMTP server is configured: set EARSHOT_SMTP_HOST (and"
                            + " EARSHOT_SMTP_PORT, _USERNAME, _PASSWORD, _FROM; see docs/configuration.md)");
                }
            }
        }
    }

    /** Dead letters, newest first. */
    public List<Delivery> deadLetters(int limit) {
        return store.deadLetters(limit);
    }

    /** Sends a dead letter again, from its first try; false when there is no such dead letter. */
    public boolean retry(String id) {
        boolean revived = store.revive(id, clock.instant());
        if (revived) {
            signal();
        }
        return revived;
    }

    public boolean discard(String id) {
        return store.discard(id);
    }

    public long delivered() {
        return delivered.sum();
    }

    public long retried() {
        return retried.sum();
    }

    public long deadCount() {
        return dead.sum();
    }

    public int inFlight() {
        return inFlight.size();
    }

    @Override
    public void close() {
        running = false;
        signal();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void signal() {
        lock.lock();
        try {
            signalled = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void dispatch() {
        while (running) {
            try {
                Instant now = clock.instant();
                for (Delivery delivery : store.due(now, 100)) {
                    if (inFlight.add(delivery.id())) {
                        pool.execute(() -> attempt(delivery));
                    }
                }
                await(store.nextDue()
                        .map(next -> Duration.between(clock.instant(), next))
                        .orElse(IDLE_WAIT));
            } catch (RuntimeException e) {
                log.error("alert outbox: {}", e.getMessage(), e);
                await(IDLE_WAIT);
            }
        }
    }

    private void await(Duration wait) {
        long millis = Math.max(10, Math.min(wait.toMillis(), IDLE_WAIT.toMillis()));
        lock.lock();
        try {
            if (!signalled) {
                wake.await(millis, TimeUnit.MILLISECONDS);
            }
            signalled = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void attempt(Delivery listed) {
        // the dispatcher may have listed it just before another sender finished it: act on the stored state
        Optional<Delivery> current = store.get(listed.id())
                .filter(stored -> stored.status() == Delivery.Status.PENDING && stored.attempts() == listed.attempts());
        if (current.isEmpty()) {
            inFlight.remove(listed.id());
            return;
        }
        Delivery delivery = current.get();
        int attempts = delivery.attempts() + 1;
        try {
            Attempt outcome = senders.send(delivery);
            switch (outcome) {
                case Attempt.Delivered ok -> {
                    store.delivered(delivery.id(), attempts, clock.instant());
                    delivered.increment();
                }
                case Attempt.Refused refused -> {
                    store.dead(delivery.id(), attempts, refused.error());
                    dead.increment();
                    log.warn("alert delivery {} to {} refused: {}", delivery.id(), delivery.target(), refused.error());
                }
                case Attempt.TryAgain again -> {
                    if (attempts >= settings.retry().attempts()) {
                        String error = again.error() + " (after " + attempts + " tries)";
                        store.dead(delivery.id(), attempts, error);
                        dead.increment();
                        log.warn(
                                "alert delivery {} to {} failed for good: {}", delivery.id(), delivery.target(), error);
                    } else {
                        Duration delay = again.retryAfter()
                                .orElseGet(() -> settings.retry()
                                        .delayAfter(
                                                attempts,
                                                ThreadLocalRandom.current().nextDouble()));
                        store.retryLater(
                                delivery.id(), attempts, clock.instant().plus(delay), again.error());
                        retried.increment();
                    }
                }
            }
        } catch (RuntimeException e) {
            log.error("alert delivery {} failed unexpectedly: {}", delivery.id(), e.getMessage(), e);
            store.retryLater(delivery.id(), attempts, clock.instant().plus(IDLE_WAIT), e.toString());
        } finally {
            inFlight.remove(delivery.id());
            signal();
        }
    }
}
