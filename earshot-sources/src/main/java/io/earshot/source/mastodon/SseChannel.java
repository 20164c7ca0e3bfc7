package io.earshot.source.mastodon;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;

/**
 * A Server-Sent Events stream read by its own virtual thread into the signal queue. The queue is bounded: when
 * the run loop stops taking (the sink is slow), the reader blocks, stops reading the socket, and TCP slows the
 * server down.
 */
final class SseChannel implements StreamChannel {

    private final URI endpoint;
    private final InputStream stream;
    private final SseReader reader;
    private final BlockingQueue<Signal> signals;
    private final int maxEventBytes;
    private final Thread readerThread;

    SseChannel(URI endpoint, InputStream stream, int maxEventBytes, BlockingQueue<Signal> signals, String name) {
        this.endpoint = endpoint;
        this.stream = stream;
        this.reader = new SseReader(stream, maxEventBytes);
        this.signals = signals;
        this.maxEventBytes = maxEventBytes;
        this.readerThread = Thread.ofVirtual().name(name + "-reader").start(this::read);
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public long lastHeardNanos() {
        return reader.lastHeardNanos();
    }

    @Override
    public void taken() {
        // the bounded queue is the flow control: the reader takes the freed place by itself
    }

    @Override
    public void probe() {
        // SSE has no ping: Mastodon's heartbeat comments are what we wait for
    }

    @Override
    public String silence() {
        return "not even a heartbeat";
    }

    @Override
    public void close() {
        readerThread.interrupt();
        try {
            stream.close();
        } catch (IOException e) {
            // the connection is over either way
        }
    }

    /** Runs on the reader thread: events into the queue until the stream ends or the thread is interrupted. */
    private void read() {
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
                                        + maxEventBytes + " bytes; dropped");
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
}
