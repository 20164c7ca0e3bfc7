package io.earshot.source.mastodon;

import io.earshot.source.EventSink;
import io.earshot.source.Mapping;
import io.earshot.source.SourceBatch;
import io.earshot.source.SourceEvent;
import io.earshot.source.SourceState;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection attempt, from opening the stream to its end: opens the stream (SSE or WebSocket, as the
 * {@link TransportChooser} says), back-fills what was missed over REST, then reads the stream, maps its events
 * and hands batches to the sink, and says why it ended. {@link MastodonStreamSource} makes one per attempt.
 *
 * <p>The stream is opened before the back-fill runs, so a status published in between is in one or the
 * other (or both: writes are idempotent) and never in neither. Its events wait, unread, until the back-fill
 * is done.
 *
 * <p>The channel's reader puts the stream's events on a queue of at most {@code batchSize} events; when the run
 * loop stops taking (the sink is slow) the reader stops reading the socket, and TCP slows the server down. Both
 * transports end up here alike: the same mapper, batches, cursor and liveness (a WebSocket is also pinged when
 * it has been quiet for half the allowed silence).
 */
final class StreamConnection {

    private static final Logger log = LoggerFactory.getLogger(MastodonStreamSource.class);

    /** How a connection ended: whether it got anything (a healthy connection resets the backoff), and why. */
    record Ended(boolean receivedAny, Problem problem) {}

    private final MastodonConfig config;
    private final MastodonStatusMapper mapper;
    private final StatusBoard status;
    private final RejectionLog rejections;
    private final CompletableFuture<Void> stopped;
    private final Clock clock;
    private final Consumer<String> delivered;
    private final TransportChooser transports;
    private final BlockingQueue<Signal> signals;
    private boolean receivedAny;
    // the newest status id handed to the sink, or the cursor this connection resumed from
    private Optional<String> cursor = Optional.empty();

    StreamConnection(
            MastodonConfig config,
            MastodonStatusMapper mapper,
            StatusBoard status,
            RejectionLog rejections,
            CompletableFuture<Void> stopped,
            Clock clock,
            Consumer<String> delivered,
            TransportChooser transports) {
        this.config = config;
        this.mapper = mapper;
        this.status = status;
        this.rejections = rejections;
        this.stopped = stopped;
        this.clock = clock;
        this.delivered = delivered;
        this.transports = transports;
        // room for a full batch (the SSE reader blocks, the WebSocket is asked for no more), plus the end of the
        // stream, a failed ping and a wakeup: the WebSocket listener must never find it full
        this.signals = new LinkedBlockingQueue<>(config.batchSize() + 8);
    }

    /** Makes {@link #run} look at the stop flag now; safe from any thread. */
    void wakeUp() {
        signals.offer(new Signal.Wakeup()); // a full queue wakes the loop anyway
    }

    /** Connects, back-fills from {@code resumeFrom} and streams until the connection ends. */
    Ended run(EventSink sink, Optional<String> resumeFrom) throws InterruptedException {
        cursor = resumeFrom;
        try (InstanceHttp http = new InstanceHttp(config, stopped)) {
            try (StreamChannel channel = open(http)) {
                status.state(SourceState.CONNECTED);
                log.info(
                        "{}: connected to {} ({})",
                        config.sourceId(),
                        channel.endpoint(),
                        resumeFrom.map(id -> "back-filling after status " + id).orElse("no cursor yet: newest page"));
                int backfilled = new Backfill(config, mapper, status, rejections)
                        .run(http, resumeFrom, (events, newest) -> deliver(sink, events, newest));
                if (backfilled > 0) {
                    receivedAny = true;
                    log.info("{}: back-filled {} status(es)", config.sourceId(), backfilled);
                }
                return pump(channel, sink);
            }
        } catch (Problem.Raised raised) {
            return new Ended(receivedAny, raised.problem());
        }
    }

    /** Opens the stream where the chooser says; under AUTO a WebSocket that fails gives way to SSE at once. */
    private StreamChannel open(InstanceHttp http) throws Problem.Raised, InterruptedException {
        TransportChooser.Route route = transports.choose(http);
        try {
            return open(http, route);
        } catch (Problem.Raised raised) {
            if (!transports.fallBack(route, raised.problem())) {
                throw raised;
            }
            return open(http, transports.choose(http));
        }
    }

    private StreamChannel open(InstanceHttp http, TransportChooser.Route route)
            throws Problem.Raised, InterruptedException {
        status.endpoint(route.endpoint().toString());
        return switch (route) {
            case TransportChooser.Route.Sse sse ->
                new SseChannel(
                        sse.endpoint(),
                        http.openStream(sse.endpoint()),
                        mapper.maxMessageBytes(),
                        signals,
                        config.sourceId());
            case TransportChooser.Route.WebSocket socket ->
                // the envelope escapes the payload's quotes: room for twice the payload, plus the wrapping
                SocketChannel.open(
                        http, socket.endpoint(), signals, config.batchSize(), 2 * mapper.maxMessageBytes() + 1024);
        };
    }

    /** Reads events until the stream ends, goes silent, or the source stops; hands them on in batches. */
    private Ended pump(StreamChannel channel, EventSink sink) throws InterruptedException {
        URI endpoint = channel.endpoint();
        PendingBatch pending = new PendingBatch();
        long lingerNanos = config.batchLinger().toNanos();
        long livenessNanos = config.livenessTimeout().toNanos();
        // half-way through the allowed silence the channel is probed (a WebSocket ping), once per silence
        long probeNanos = livenessNanos / 2;
        // time spent on the back-fill or waiting on the sink is not the server's silence
        long sinkReturnedAt = System.nanoTime();
        long probedFor = sinkReturnedAt - 1;
        while (true) {
            long now = System.nanoTime();
            long heardAt = Math.max(channel.lastHeardNanos(), sinkReturnedAt);
            if (now - heardAt >= livenessNanos) {
                deliver(sink, pending);
                return new Ended(
                        receivedAny,
                        new Problem.Transient("connection to " + endpoint + " went silent: nothing heard for "
                                + MastodonStreamSource.human(Duration.ofNanos(now - heardAt)) + ", "
                                + channel.silence()));
            }
            if (probedFor != heardAt && now - heardAt >= probeNanos) {
                channel.probe();
                probedFor = heardAt;
            }
            long wait = (probedFor == heardAt ? heardAt + livenessNanos : heardAt + probeNanos) - now;
            if (!pending.isEmpty()) {
                wait = Math.min(wait, pending.lingerLeftNanos(lingerNanos, now));
            }
            Signal signal = signals.poll(Math.max(wait, 0), TimeUnit.NANOSECONDS);
            if (stopped.isDone()) {
                // the stream cannot replay what we hold (deletes above all), so it goes out before we stop
                deliver(sink, pending);
                return new Ended(receivedAny, new Problem.Stopped());
            }
            switch (signal) {
                case null -> {
                    if (!pending.isEmpty() && pending.lingerLeftNanos(lingerNanos, System.nanoTime()) == 0) {
                        deliver(sink, pending);
                        sinkReturnedAt = System.nanoTime();
                    }
                }
                case Signal.Event event -> {
                    receivedAny = true;
                    status.received();
                    channel.taken();
                    accept(mapper.mapStreamEvent(event.name(), event.data(), clock.instant()), pending);
                }
                case Signal.Unreadable unreadable -> {
                    receivedAny = true;
                    status.received();
                    channel.taken();
                    rejections.rejected(unreadable.reason());
                }
                case Signal.Ended ended -> {
                    deliver(sink, pending);
                    return new Ended(receivedAny, new Problem.Transient(endpoint + ": " + ended.problem()));
                }
                case Signal.Wakeup wakeup -> {
                    // stop() was called; the check above ends the connection
                }
            }
            if (pending.messages() >= config.batchSize()) {
                deliver(sink, pending);
                sinkReturnedAt = System.nanoTime();
            }
        }
    }

    private void accept(Mapping mapping, PendingBatch pending) {
        switch (mapping) {
            case Mapping.Events events -> {
                status.mapped();
                pending.add(events.events(), events.position(), System.nanoTime());
            }
            case Mapping.Skipped skipped -> {
                status.skipped(skipped.reason());
                pending.add(List.of(), skipped.position(), System.nanoTime());
            }
            case Mapping.Rejected rejected -> rejections.rejected("rejected event: " + rejected.error());
        }
    }

    private void deliver(EventSink sink, PendingBatch pending) throws InterruptedException {
        if (pending.isEmpty()) {
            return;
        }
        deliver(sink, pending.events(), pending.newest());
        pending.clear();
    }

    /**
     * One batch to the sink (which may block). Its cursor is the newest status id delivered so far, never
     * older than the cursor this connection resumed from: an overlapping back-fill re-reads older statuses,
     * and the committed cursor must not move back for them.
     */
    private void deliver(EventSink sink, List<SourceEvent> events, Optional<String> newest)
            throws InterruptedException {
        if (events.isEmpty() && newest.isEmpty()) {
            return;
        }
        Optional<String> next = newest.map(
                        id -> cursor.map(seen -> MastodonIds.newer(seen, id)).orElse(id))
                .or(() -> cursor);
        sink.accept(new SourceBatch(config.sourceId(), events, next));
        cursor = next;
        next.ifPresent(delivered);
    }
}
