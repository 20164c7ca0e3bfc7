package io.earshot.server.stream;

import io.earshot.domain.Mention;
import io.earshot.ingest.MentionListener;
import io.earshot.server.http.Json;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.earshot.server.mention.MentionJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /api/v1/stream[?topic=ID]}: mentions as they are durably stored, as Server-Sent Events
 * ({@code event: mention}, data = the mention as in the mentions API), with a comment line every 15 s
 * so that proxies keep the connection open.
 *
 * <p>Ingestion never waits for a browser: each subscriber has its own bounded queue, filled by
 * {@link #mentionsStored} without blocking; when a subscriber falls too far behind, the oldest mentions
 * are dropped and it is sent {@code event: lagged} with how many, so it can reload from the mentions API.
 */
public final class LiveStream implements Routes, MentionListener, AutoCloseable {

    private static final int QUEUE_PER_SUBSCRIBER = 1_000;
    private static final long HEARTBEAT_SECONDS = 15;

    /** One connected browser or script. */
    private static final class Subscriber {
        final Optional<Long> topic;
        final BlockingQueue<String> events = new ArrayBlockingQueue<>(QUEUE_PER_SUBSCRIBER);
        final AtomicLong dropped = new AtomicLong();

        Subscriber(Optional<Long> topic) {
            this.topic = topic;
        }

        void offer(String event) {
            while (!events.offer(event)) {
                if (events.poll() != null) {
                    dropped.incrementAndGet();
                }
            }
        }
    }

    /** Put into every queue on close, so that each stream ends at once rather than at its next heartbeat. */
    private static final String END = "";

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/stream", this::stream);
    }

    /** Holds the request open and writes events until the client goes away or Earshot stops. */
    private void stream(Context ctx) throws IOException, InterruptedException {
        Optional<Long> topic = Requests.param(ctx, "topic").map(LiveStream::topicId);
        ctx.res().setStatus(200);
        ctx.res().setContentType("text/event-stream");
        ctx.res().setCharacterEncoding("UTF-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        OutputStream out = ctx.res().getOutputStream();
        Subscriber subscriber = new Subscriber(topic);
        subscribers.add(subscriber);
        try {
            write(
                    out,
                    ": earshot live stream"
                            + topic.map(id -> " for topic " + id).orElse("") + "\n\n");
            while (running) {
                String event = subscriber.events.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                if (END.equals(event)) {
                    break;
                }
                long dropped = subscriber.dropped.getAndSet(0);
                if (dropped > 0) {
                    write(out, "event: lagged\ndata: {\"dropped\":" + dropped + "}\n\n");
                }
                write(out, event == null ? ": keep-alive\n\n" : event);
            }
        } catch (IOException e) {
            // the client went away: nothing to do
        } finally {
            subscribers.remove(subscriber);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void mentionsStored(List<Mention> mentions) {
        if (subscribers.isEmpty()) {
            return;
        }
        for (Mention mention : mentions) {
            String event = "event: mention\ndata: " + Json.write(MentionJson.of(mention)) + "\n\n";
            for (Subscriber subscriber : subscribers) {
                if (subscriber.topic.map(mention.topicIds()::contains).orElse(true)) {
                    subscriber.offer(event);
                }
            }
        }
    }

    /** Sends a fired alert to the streams that follow one of its rule's topics (or all topics). */
    public void alertFired(List<Long> topics, Map<String, Object> notification) {
        if (subscribers.isEmpty()) {
            return;
        }
        String event = "event: alert\ndata: " + Json.write(notification) + "\n\n";
        for (Subscriber subscriber : subscribers) {
            if (subscriber.topic.map(topics::contains).orElse(true)) {
                subscriber.offer(event);
            }
        }
    }

    public int subscribers() {
        return subscribers.size();
    }

    private static long topicId(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    /** Ends every stream. */
    @Override
    public void close() {
        running = false;
        subscribers.forEach(subscriber -> subscriber.offer(END));
    }
}
