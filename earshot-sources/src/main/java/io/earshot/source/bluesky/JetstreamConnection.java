package io.earshot.source.bluesky;

import io.earshot.source.EventSink;
import io.earshot.source.Mapping;
import io.earshot.source.SourceBatch;
import io.earshot.source.SourceState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to one endpoint, from connecting to its end: reads messages, maps them, hands batches to
 * the sink, and says why it ended. {@link JetstreamSource} makes one per attempt.
 *
 * <p>Each connection gets its own {@link HttpClient}, shut down when the connection ends. The JDK's WebSocket
 * client can hit an internal error when a server cuts the TCP connection right after a frame (seen on JDK 25:
 * {@code InternalError} from {@code TransportImpl.acknowledgeReception}); sometimes that reaches our listener
 * as an error, sometimes it is lost and the connection just goes quiet. A private client keeps such damage
 * to one connection, and the liveness check (ping when quiet, give up when even a ping gets no answer) turns
 * a connection that went quiet for that reason, or any half-open one, into a reconnect.
 */
final class JetstreamConnection {

    private static final Logger log = LoggerFactory.getLogger(JetstreamSource.class);

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The status the JDK reports when the connection ended without a close frame (RFC 6455, 7.4.1). */
    private static final int ABNORMAL_CLOSURE = 1006;

    private static final Duration CLOSE_GRACE = Duration.ofMillis(500);
    private static final ByteBuffer PING = ByteBuffer.wrap("earshot".getBytes(StandardCharsets.US_ASCII));

    /** When a quiet connection is pinged, and how long after the ping it is given up. */
    record Liveness(Duration pingAfter, Duration deadAfter) {
        static final Liveness DEFAULT = new Liveness(Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    /** How a connection ended: whether it got any message (a healthy connection resets the backoff), and why. */
    record Ended(boolean receivedAny, String problem) {}

    private final JetstreamConfig config;
    private final JetstreamMapper mapper;
    private final StatusBoard status;
    private final RejectionLog rejections;
    private final Liveness liveness;
    private final CompletableFuture<Void> stopped;
    private final LongConsumer delivered;
    // bounded by the listener's request window (batchSize messages), plus a close and a wakeup
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private final JetstreamListener listener;

    JetstreamConnection(
            JetstreamConfig config,
            JetstreamMapper mapper,
            StatusBoard status,
            RejectionLog rejections,
            Liveness liveness,
            AtomicLong received,
            CompletableFuture<Void> stopped,
            LongConsumer delivered) {
        this.config = config;
        this.mapper = mapper;
        this.status = status;
        this.rejections = rejections;
        this.liveness = liveness;
        this.stopped = stopped;
        this.delivered = delivered;
        this.listener = new JetstreamListener(signals, received, config.batchSize(), mapper.maxMessageBytes());
    }

    /** Makes {@link #run} look at the stop flag now; safe from any thread. */
    void wakeUp() {
        signals.add(new Signal.Wakeup());
    }

    /** Connects to {@code uri} (the endpoint with its parameters) and streams until the connection ends. */
    Ended run(URI endpoint, URI uri, String resumeNote, EventSink sink) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        try {
            CompletableFuture<WebSocket> opening =
                    http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT).buildAsync(uri, listener);
            WebSocket socket;
            try {
                CompletableFuture.anyOf(opening, stopped)
                        .get(CONNECT_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
                if (stopped.isDone()) {
                    return new Ended(false, "stopped");
                }
                socket = opening.join();
            } catch (ExecutionException e) {
                return new Ended(false, "cannot reach " + endpoint + ": " + Problems.describe(e));
            } catch (TimeoutException e) {
                return new Ended(
                        false, "cannot reach " + endpoint + ": timed out after " + CONNECT_TIMEOUT.toSeconds() + "s");
            }
            status.state(SourceState.CONNECTED);
            log.info("bluesky: connected to {} ({})", endpoint, resumeNote);
            try {
                return pump(socket, endpoint, sink);
            } finally {
                close(socket);
            }
        } finally {
            http.shutdownNow();
        }
    }

    /** Reads messages until the connection ends or the source stops; hands them to the sink in batches. */
    private Ended pump(WebSocket socket, URI endpoint, EventSink sink) throws InterruptedException {
        PendingBatch pending = new PendingBatch();
        long lingerNanos = config.batchLinger().toNanos();
        long pingAfter = liveness.pingAfter().toNanos();
        long deadAfter = liveness.deadAfter().toNanos();
        boolean receivedAny = false;
        boolean pinged = false;
        long pingSentAt = 0;
        // time spent waiting on the sink is not the server's silence
        long sinkReturnedAt = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            long heardAt = Math.max(listener.lastHeardNanos(), sinkReturnedAt);
            if (pinged && heardAt - pingSentAt >= 0) {
                pinged = false; // answered, or something else arrived: the connection is alive
            }
            if (pinged && now - pingSentAt >= deadAfter) {
                return new Ended(
                        receivedAny,
                        "connection to " + endpoint + " went silent: no answer to a ping within "
                                + JetstreamSource.human(liveness.deadAfter()) + ", nothing heard for "
                                + JetstreamSource.human(Duration.ofNanos(now - heardAt)));
            }
            if (!pinged && now - heardAt >= pingAfter) {
                pinged = true;
                pingSentAt = now;
                ping(socket);
            }
            long wait = pinged ? pingSentAt + deadAfter - now : heardAt + pingAfter - now;
            if (!pending.isEmpty()) {
                wait = Math.min(wait, pending.lingerLeftNanos(lingerNanos, now));
            }
            Signal signal = signals.poll(Math.max(wait, 0), TimeUnit.NANOSECONDS);
            if (stopped.isDone()) {
                // not delivered, so not committed: the next start replays these messages
                return new Ended(receivedAny, "stopped");
            }
            switch (signal) {
                case null -> {
                    if (!pending.isEmpty() && pending.lingerLeftNanos(lingerNanos, System.nanoTime()) == 0) {
                        demand(socket, deliver(pending, sink));
                        sinkReturnedAt = System.nanoTime();
                    }
                }
                case Signal.Text text -> {
                    receivedAny = true;
                    status.received();
                    accept(mapper.map(text.message()), pending, socket);
                }
                case Signal.Unreadable unreadable -> {
                    receivedAny = true;
                    status.received();
                    rejections.rejected(unreadable.reason());
                    demand(socket, 1);
                }
                case Signal.Closed closed -> {
                    deliver(pending, sink);
                    return new Ended(receivedAny, closed(endpoint, closed));
                }
                case Signal.Failed failed -> {
                    log.debug("bluesky: connection to {} failed", endpoint, failed.error());
                    deliver(pending, sink);
                    return new Ended(
                            receivedAny, "connection to " + endpoint + " lost: " + Problems.describe(failed.error()));
                }
                case Signal.Wakeup wakeup -> {
                    // stop() was called; the check above ends the connection
                }
            }
            if (pending.messages() >= config.batchSize()) {
                demand(socket, deliver(pending, sink));
                sinkReturnedAt = System.nanoTime();
            }
        }
    }

    private void accept(Mapping mapping, PendingBatch pending, WebSocket socket) {
        switch (mapping) {
            case Mapping.Events events -> {
                status.mapped();
                pending.add(events.events(), events.position(), System.nanoTime());
            }
            case Mapping.Skipped skipped -> {
                status.skipped(skipped.reason());
                pending.add(List.of(), skipped.position(), System.nanoTime());
            }
            case Mapping.Rejected rejected -> {
                rejections.rejected("rejected message: " + rejected.error());
                demand(socket, 1);
            }
        }
    }

    /** Hands the batch to the sink (which may block); returns how many messages of demand it frees. */
    private int deliver(PendingBatch pending, EventSink sink) throws InterruptedException {
        if (pending.isEmpty()) {
            return 0;
        }
        Optional<String> cursor = pending.cursor();
        sink.accept(new SourceBatch(config.sourceId(), pending.events(), cursor));
        cursor.flatMap(PendingBatch::micros).ifPresent(delivered::accept);
        int freed = pending.messages();
        pending.clear();
        return freed;
    }

    /** Asks the socket for {@code messages} more messages: the room the sink just made. */
    private static void demand(WebSocket socket, int messages) {
        if (messages > 0) {
            socket.request(messages);
        }
    }

    private void ping(WebSocket socket) {
        try {
            socket.sendPing(PING.duplicate()).whenComplete((ignored, error) -> {
                if (error != null) {
                    signals.add(new Signal.Failed(error));
                }
            });
        } catch (RuntimeException e) {
            signals.add(new Signal.Failed(e));
        }
    }

    private static String closed(URI endpoint, Signal.Closed closed) {
        if (closed.statusCode() == ABNORMAL_CLOSURE) {
            return "connection to " + endpoint + " dropped (no close frame)";
        }
        return endpoint + " closed the connection (" + closed.statusCode()
                + (closed.reason().isBlank() ? "" : ": " + closed.reason()) + ")";
    }

    private void close(WebSocket socket) {
        if (stopped.isDone() && !socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "earshot stopping")
                        .get(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // the server went away first; aborting below is all that is left to do
            }
        }
        socket.abort();
    }
}
