package io.earshot.source.mastodon;

import io.earshot.source.EventSink;
import io.earshot.source.Mapping;
import io.earshot.source.SourceBatch;
import io.earshot.source.SourceEvent;
import io.earshot.source.SourceState;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection attempt, from opening the stream to its end: opens the event stream, back-fills what was
 * missed over REST, then reads the stream, maps its events and hands batches to the sink, and says why it
 * ended. {@link MastodonStreamSource} makes one per attempt.
 *
 * <p>The stream is opened before the back-fill runs, so a status published in between is in one or the
 * other (or both: writes are idempotent) and never in neither. Its events wait, unread, until the back-fill
 * is done.
 *
 * <p>A reader thread parses the stream into a queue of at most {@code batchSize} events; when the run loop
 * stops taking (the sink is slow) the reader blocks, stops reading the socket, and TCP slows the server down.
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
            Consumer<String> delivered) {
        this.config = config;
        this.mapper = mapper;
        this.status = status;
        this.rejections = rejections;
        this.stopped = stopped;
        this.clock = clock;
        this.delivered = delivered;
        // room for a full batch, plus the end of the stream and a wakeup
        this.signals = new ArrayBlockingQueue<>(config.batchSize() + 2);
    }

    /** Makes {@link #run} look at the stop flag now; safe from any thread. */
    void wakeUp() {
        signals.offer(new Signal.Wakeup()); // a full queue wakes the loop anyway
    }

    /** Connects, back-fills from {@code resumeFrom} and streams until the connection ends. */
    Ended run(EventSink sink, Optional<String> resumeFrom) throws InterruptedException {
        cursor = resumeFrom;
        URI endpoint = Endpoints.streaming(config.instance(), config.stream());
        try (InstanceHttp http = new InstanceHttp(config, stopped)) {
            InputStream stream = http.openStream(endpoint);
            SseReader reader = new SseReader(stream, mapper.maxMessageBytes());
            Thread readerThread =
                    Thread.ofVirtual().name(config.sourceId() + "-reader").start(() -> read(reader));
            try {
                status.state(SourceState.CONNECTED);
                log.info(
                        "{}: connected to {} ({})",
                        config.sourceId(),
                        endpoint,
                        resumeFrom.map(id -> "back-filling after status " + id).orElse("no cursor yet: newest page"));
                int backfilled = new Backfill(config, mapper, status, rejections)
                        .run(http, resumeFrom, (events, newest) -> deliver(sink, events, newest));
                if (backfilled > 0) {
                    receivedAny = true;
                    log.info("{}: back-filled {} status(es)", config.sourceId(), backfilled);
                }
                return pump(reader, endpoint, sink);
            } finally {
                readerThread.interrupt();
                closeQuietly(stream);
            }
        } catch (Problem.Raised raised) {
            return new Ended(receivedAny, raised.problem());
        }
    }

    /** Runs on the reader thread: events into the queue until the stream ends or the thread is interrupted. */
    private void read(SseReader reader) {
        try {
            while (true) {
                Optional<SseReader.Item> item = reader.next();
                if (item.isEmpty()) {
                    signals.put(new Signal.Ended("the server closed the stream"));
                    return;
                }
                signals.put(
                        switch (item.get()) {
                            case SseReader.Item.Event event -> new Signal.Event(event.name(), event.data());
                            case SseReader.Item.Oversized oversized ->
                                new Signal.Unreadable("event of " + oversized.bytes() + "+ bytes is over the limit of "
                                        + mapper.maxMessageBytes() + " bytes; dropped");
                        });
            }
        } catch (IOException e) {
            try {
                // waits for room like any event: the run loop must learn why the stream ended
                signals.put(new Signal.Ended("connection lost: " + Problems.describe(e)));
            } catch (InterruptedException interrupted) {
                // the connection is over already
            }
        } catch (InterruptedException e) {
            // the connection is over
        }
    }

    /** Reads events until the stream ends, goes silent, or the source stops; hands them on in batches. */
    private Ended pump(SseReader reader, URI endpoint, EventSink sink) throws InterruptedException {
        PendingBatch pending = new PendingBatch();
        long lingerNanos = config.batchLinger().toNanos();
        long livenessNanos = config.livenessTimeout().toNanos();
        // time spent on the back-fill or waiting on the sink is not the server's silence
        long sinkReturnedAt = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            long heardAt = Math.max(reader.lastHeardNanos(), sinkReturnedAt);
            if (now - heardAt >= livenessNanos) {
                deliver(sink, pending);
                return new Ended(
                        receivedAny,
                        new Problem.Transient("connection to " + endpoint + " went silent: nothing heard for "
                                + MastodonStreamSource.human(Duration.ofNanos(now - heardAt))
                                + ", not even a heartbeat"));
            }
            long wait = heardAt + livenessNanos - now;
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
                    accept(mapper.mapStreamEvent(event.name(), event.data(), clock.instant()), pending);
                }
                case Signal.Unreadable unreadable -> {
                    receivedAny = true;
                    status.received();
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

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // the connection is over either way
        }
    }
}
