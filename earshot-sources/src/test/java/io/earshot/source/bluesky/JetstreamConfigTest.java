package io.earshot.source.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JetstreamConfigTest {

    @Test
    void defaults_listen_to_the_public_instances() {
        JetstreamConfig config = JetstreamConfig.defaults();
        assertThat(config.endpoints())
                .extracting(URI::toString)
                .containsExactly(
                        "wss://jetstream2.us-east.bsky.network/subscribe",
                        "wss://jetstream1.us-east.bsky.network/subscribe",
                        "wss://jetstream1.us-west.bsky.network/subscribe",
                        "wss://jetstream2.us-west.bsky.network/subscribe");
        assertThat(config.wantedCollections())
                .containsExactly(
                        "app.bsky.feed.post", "app.bsky.feed.like", "app.bsky.feed.repost", "app.bsky.graph.follow");
        assertThat(config.wantedDids()).isEmpty();
        assertThat(config.cursorRewind()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.sourceId()).isEqualTo("bluesky");
    }

    @Test
    void invalid_settings_fail_with_what_to_change() {
        JetstreamConfig config = JetstreamConfig.defaults();
        assertThatIllegalArgumentException().isThrownBy(() -> config.withEndpoints(List.of()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> config.withEndpoints(List.of(URI.create("https://jetstream.example/subscribe"))))
                .withMessageContaining("ws:// or wss://");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> config.withEndpoints(List.of(URI.create("wss://j.example/subscribe?cursor=1"))))
                .withMessageContaining("without a query");
        assertThatIllegalArgumentException().isThrownBy(() -> config.withBatching(0, Duration.ZERO));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> config.withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> config.withCursorRewind(Duration.ofSeconds(-1)));
        assertThatIllegalArgumentException().isThrownBy(() -> config.withSourceId(" "));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> config.withWantedDids(Collections.nCopies(10_001, "did:plc:x")))
                .withMessageContaining("at most");
    }

    @Test
    void the_subscribe_url_repeats_list_parameters_and_adds_the_cursor() {
        URI uri = SubscribeUri.build(
                URI.create("wss://jetstream.example/subscribe"),
                List.of("app.bsky.feed.post", "app.bsky.graph.*"),
                List.of("did:plc:abc"),
                OptionalLong.of(1_783_175_888_090_631L));
        assertThat(uri)
                .hasToString("wss://jetstream.example/subscribe?wantedCollections=app.bsky.feed.post"
                        + "&wantedCollections=app.bsky.graph.*&wantedDids=did%3Aplc%3Aabc&cursor=1783175888090631");
        assertThat(SubscribeUri.build(URI.create("ws://h/subscribe"), List.of(), List.of(), OptionalLong.empty()))
                .hasToString("ws://h/subscribe");
    }

    @Test
    void retry_delays_read_well_in_logs() {
        assertThat(JetstreamSource.human(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(JetstreamSource.human(Duration.ofSeconds(4))).isEqualTo("4s");
        assertThat(JetstreamSource.human(Duration.ofMillis(1540))).isEqualTo("1.5s");
    }
}
