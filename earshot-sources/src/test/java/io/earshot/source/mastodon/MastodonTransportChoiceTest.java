package io.earshot.source.mastodon;

import static io.earshot.source.mastodon.MastodonHarness.await;
import static io.earshot.source.mastodon.MastodonHarness.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.earshot.source.SourceState;
import io.earshot.testkit.mastodon.FakeMastodonBuilder;
import io.earshot.testkit.mastodon.FakeMastodonServer;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@link MastodonTransport#AUTO}: a WebSocket where the instance advertises a streaming server, else SSE. */
class MastodonTransportChoiceTest {

    private static final MastodonStream EARSHOT = new MastodonStream.Hashtag("earshot");

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(MastodonStreamSource.class);
    private final MastodonHarness.Cursors cursors = new MastodonHarness.Cursors();
    private final MastodonHarness.RecordingSink sink = new MastodonHarness.RecordingSink(cursors);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() throws InterruptedException {
        MastodonHarness.stopAll();
        logger.detachAppender(logs);
    }

    @Test
    void auto_takes_the_websocket_the_instance_advertises() throws Exception {
        try (FakeMastodonServer server = FakeMastodonServer.builder().start()) {
            List<String> paths = streamOnce(server);

            assertThat(paths).containsSubsequence("/api/v2/instance", "/api/v1/timelines/tag/earshot");
            assertThat(paths).contains("/api/v1/streaming").doesNotContain("/api/v1/streaming/hashtag");
            assertThat(sink.postIds())
                    .isNotEmpty()
                    .allSatisfy(id -> assertThat(id).endsWith(":1000001"));
            assertThat(logs.list)
                    .anySatisfy(event -> assertThat(event.getFormattedMessage())
                            .contains("streaming over WebSocket from ws://"
                                    + server.uri().getAuthority())
                            .contains("advertises its streaming server"));
        }
    }

    @Test
    void auto_uses_sse_when_the_instance_advertises_no_streaming_server() throws Exception {
        try (FakeMastodonServer server =
                FakeMastodonServer.builder().advertiseNoStreaming().start()) {
            List<String> paths = streamOnce(server);

            assertThat(paths).containsSubsequence("/api/v2/instance", "/api/v1/streaming/hashtag");
            assertThat(paths).doesNotContain("/api/v1/streaming");
            assertThat(logs.list)
                    .anySatisfy(event -> assertThat(event.getFormattedMessage())
                            .contains("streaming over SSE from " + server.uri())
                            .contains("advertises no streaming server"));
        }
    }

    @Test
    void auto_falls_back_to_sse_when_the_advertised_websocket_fails() throws Exception {
        URI dead = MastodonHarness.deadInstance();
        FakeMastodonBuilder builder =
                FakeMastodonServer.builder().advertiseStreaming(URI.create("ws://127.0.0.1:" + dead.getPort()));
        try (FakeMastodonServer server = builder.start()) {
            List<String> paths = streamOnce(server);

            assertThat(paths).containsSubsequence("/api/v2/instance", "/api/v1/streaming/hashtag");
            assertThat(logs.list)
                    .anySatisfy(event -> assertThat(event.getFormattedMessage())
                            .contains("cannot reach ws://127.0.0.1:" + dead.getPort())
                            .endsWith("falling back to SSE on " + server.uri()));
        }
    }

    @Test
    void auto_never_sends_the_token_to_a_streaming_server_on_another_domain() throws Exception {
        try (FakeMastodonServer server = FakeMastodonServer.builder()
                .advertiseStreaming(URI.create("wss://streaming.elsewhere.example"))
                .start()) {
            List<String> paths = streamOnce(server);

            assertThat(paths).contains("/api/v1/streaming/hashtag");
            assertThat(logs.list)
                    .anySatisfy(event -> assertThat(event.getFormattedMessage())
                            .contains("streaming over SSE")
                            .contains("the access token only goes to 127.0.0.1"));
        }
    }

    @Test
    void auto_uses_sse_when_the_instance_cannot_say() throws Exception {
        try (FakeMastodonServer server = FakeMastodonServer.builder().start()) {
            server.respondNext(500, 1); // the instance description fails; the stream need not
            List<String> paths = streamOnce(server);

            assertThat(paths).containsSubsequence("/api/v2/instance", "/api/v1/streaming/hashtag");
            assertThat(logs.list)
                    .anySatisfy(event -> assertThat(event.getFormattedMessage())
                            .contains("could not ask " + server.uri() + " for its streaming server"));
        }
    }

    @Test
    void websocket_without_an_advertised_server_uses_the_instance_itself() throws Exception {
        try (FakeMastodonServer server =
                FakeMastodonServer.builder().advertiseNoStreaming().start()) {
            List<String> paths = streamOnce(server, MastodonTransport.WEBSOCKET);

            assertThat(paths).containsSubsequence("/api/v2/instance", "/api/v1/streaming");
            assertThat(paths).doesNotContain("/api/v1/streaming/hashtag");
        }
    }

    @Test
    void websocket_to_a_server_on_another_domain_fails_with_what_to_do() throws Exception {
        try (FakeMastodonServer server = FakeMastodonServer.builder()
                .advertiseStreaming(URI.create("wss://streaming.elsewhere.example"))
                .start()) {
            MastodonConfig config = fastConfig(server, EARSHOT).withTransport(MastodonTransport.WEBSOCKET);
            MastodonStreamSource source = MastodonHarness.source(config, cursors);
            MastodonHarness.runUntilItGivesUp(source, sink);

            assertThat(source.status().lastError())
                    .hasValueSatisfying(error -> assertThat(error)
                            .contains("advertises its streaming server at wss://streaming.elsewhere.example")
                            .contains("Earshot does not send the access token there")
                            .contains("use transport: sse or auto"));
        }
    }

    /** Runs an AUTO source until one live status arrives; returns the paths the server was asked for. */
    private List<String> streamOnce(FakeMastodonServer server) throws Exception {
        return streamOnce(server, MastodonTransport.AUTO);
    }

    private List<String> streamOnce(FakeMastodonServer server, MastodonTransport transport) throws Exception {
        MastodonConfig config = fastConfig(server, EARSHOT).withTransport(transport);
        MastodonStreamSource source = MastodonHarness.source(config, cursors);
        MastodonHarness.Running running = new MastodonHarness.Running(source, sink);
        await("connected", () -> source.status().state() == SourceState.CONNECTED);
        assertThat(server.awaitOpenStreams(1, MastodonHarness.WAIT)).isTrue();
        Thread.sleep(50); // the back-fill's page
        server.publish(TestStatuses.numbered(1, 1, "earshot").getFirst());
        await("the live status", () -> sink.postIds().size() >= 1);
        running.stopAndJoin();
        return server.requests().stream().map(FakeMastodonServer.Request::path).toList();
    }
}
