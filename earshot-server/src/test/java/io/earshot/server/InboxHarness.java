package io.earshot.server;

import io.earshot.domain.Mention;
import io.earshot.embedded.state.SqliteStateStore;
import io.earshot.server.http.HttpServer;
import io.earshot.server.inbox.Inbox;
import io.earshot.source.reply.RetryPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inbox on its own, for API tests: SQLite state in a temporary folder, a settable clock, the HTTP routes on
 * 127.0.0.1, and mentions handed to it as the ingest pipeline would (after the durable commit).
 */
final class InboxHarness implements AutoCloseable {

    static final String SECRET = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final RetryPolicy FAST =
            new RetryPolicy(4, Duration.ofMillis(20), Duration.ofSeconds(3), Duration.ofSeconds(5));

    /** A clock tests move by hand. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void set(Instant value) {
            now = value;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final TestClock clock;
    final SqliteStateStore state;
    final Inbox inbox;
    final HttpServer http;
    final ApiClient api;
    final List<Map<String, Object>> breaches = new ArrayList<>();

    InboxHarness(Path dir, Instant now) {
        this(dir, now, Map.of("EARSHOT_SECRET_KEY", SECRET));
    }

    InboxHarness(Path dir, Instant now, Map<String, String> env) {
        this.clock = new TestClock(now);
        this.state = SqliteStateStore.open(dir);
        this.inbox = Inbox.open(state.inbox(), env, Inbox.Options.withRetries(FAST), clock, breaches::add);
        this.http = new HttpServer(inbox.routes(), Optional.empty()).start("127.0.0.1", 0);
        this.api = new ApiClient(http.port());
    }

    /** Mentions that matched topics, as the pipeline tells its listeners; waits until the inbox took them. */
    void hear(Mention... mentions) {
        inbox.listener().mentionsStored(List.of(mentions));
        settle();
    }

    /** Replies that matched no topic (a thread's later messages). */
    void hearReplies(Mention... replies) {
        inbox.listener().repliesStored(List.of(replies));
        settle();
    }

    /** Waits for the inbox's queue (rule changes go through it too). */
    void settle() {
        inbox.listener().awaitIdle(Duration.ofSeconds(10));
    }

    ApiClient.Response post(String path, String body) {
        ApiClient.Response response = api.post(path, body);
        settle();
        return response;
    }

    @Override
    public void close() {
        http.close();
        inbox.close();
        state.close();
    }
}
