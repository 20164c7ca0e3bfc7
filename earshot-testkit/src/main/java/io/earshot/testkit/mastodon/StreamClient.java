package io.earshot.testkit.mastodon;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/** One open SSE streaming connection: what it follows, and what is waiting to be written to it. */
final class StreamClient implements Subscriber {

    /** Something to do on the connection, in order. */
    sealed interface Item {
        /** Bytes to write as they are: an event, a comment, garbage. */
        record Text(String text, boolean countsAsEvent) implements Item {}

        /** Cut the connection without ending the response, as a crash or a cut cable does. */
        record Drop() implements Item {}

        /** End the response normally. */
        record Close() implements Item {}
    }

    private final Feed feed;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();

    StreamClient(Feed feed) {
        this.feed = feed;
    }

    @Override
    public void event(String name, String data, Optional<FakeStatus> about) {
        if (about.isEmpty() || feed.wants().test(about.get())) {
            queue.add(new Item.Text(sse(name, data), true));
        }
    }

    @Override
    public void raw(String text) {
        queue.add(new Item.Text(text, false));
    }

    @Override
    public void drop() {
        queue.add(new Item.Drop());
    }

    @Override
    public void close() {
        queue.add(new Item.Close());
    }

    /** An SSE event: a payload of several lines (pretty-printed JSON) becomes several {@code data:} lines. */
    private static String sse(String name, String data) {
        StringBuilder event = new StringBuilder("event: ").append(name).append('\n');
        for (String line : data.split("\r\n|\r|\n", -1)) {
            event.append("data: ").append(line).append('\n');
        }
        return event.append('\n').toString();
    }

    /**
     * Answers the streaming request and writes what is queued until told to stop, the server closes, or the
     * client goes away; heartbeats fill the quiet (none when {@code heartbeat} is zero). {@code opened} runs once
     * the answer is on its way.
     */
    void serve(Context ctx, Duration heartbeat, int dropAfter, BooleanSupplier running, Runnable opened) {
        try {
            ctx.status(200);
            ctx.res().setContentType("text/event-stream");
            ctx.res().setHeader("Cache-Control", "no-store");
            OutputStream out = ctx.res().getOutputStream();
            write(out, ":)\n");
            opened.run();
            int events = 0;
            long heartbeatMillis = heartbeat.toMillis();
            while (running.getAsBoolean()) {
                Item item = queue.poll(heartbeatMillis > 0 ? heartbeatMillis : 50, TimeUnit.MILLISECONDS);
                switch (item) {
                    case null -> {
                        if (heartbeatMillis > 0) {
                            write(out, ":thump\n");
                        }
                    }
                    case Item.Text text -> {
                        write(out, text.text());
                        if (text.countsAsEvent() && ++events == dropAfter) {
                            abort(ctx);
                            return;
                        }
                    }
                    case Item.Drop drop -> {
                        abort(ctx);
                        return;
                    }
                    case Item.Close close -> {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Closes the TCP connection under the response: no final chunk, so the client sees a cut, not an end. */
    private static void abort(Context ctx) {
        ServletContextRequest.getServletContextRequest(ctx.req())
                .getConnectionMetaData()
                .getConnection()
                .getEndPoint()
                .close();
    }
}
