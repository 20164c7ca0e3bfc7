package io.earshot.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.source.mastodon.MastodonTransport;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigFileTest {

    private static final String FULL = """
            data: /var/lib/earshot
            http:
              host: 0.0.0.0
              port: 9090
            retention:
              unmatched: 3d
            sources:
              - type: bluesky
                collections: [app.bsky.feed.post]
                dids: [did:plc:abc]
              - type: mastodon
                instance: https://mastodon.social
                stream: hashtag
                tag: "#rust"
                token: ${MASTODON_TOKEN}
              - type: mastodon
                instance: https://fosstodon.org
                stream: hashtag
                tag: java
                token: ${MASTODON_TOKEN}
              - type: feed
                interval: 10m
                feeds:
                  - https://example.com/a.xml
                  - url: https://example.com/b.xml
                  - https://example.com/c.xml
            ingest:
              tokens:
                zendesk: ${ZENDESK_TOKEN}
            """;

    @Test
    void readsEverySectionAndSubstitutesTheEnvironment() {
        ConfigFile.Contents contents =
                ConfigFile.parse(FULL, "earshot.yml", Map.of("MASTODON_TOKEN", "m-token", "ZENDESK_TOKEN", "z-token"));
        assertThat(contents.dataDir())
                .hasValueSatisfying(path -> assertThat(path.toString()).isEqualTo("/var/lib/earshot"));
        assertThat(contents.host()).contains("0.0.0.0");
        assertThat(contents.port()).contains(9090);
        assertThat(contents.unmatchedRetention()).contains(Duration.ofDays(3));
        assertThat(contents.sources()).hasSize(4);
        SourceSpec.Bluesky bluesky = (SourceSpec.Bluesky) contents.sources().get(0);
        assertThat(bluesky.id()).isEqualTo("bluesky");
        assertThat(bluesky.dids()).containsExactly("did:plc:abc");
        SourceSpec.Mastodon rust = (SourceSpec.Mastodon) contents.sources().get(1);
        assertThat(rust.tag()).contains("rust");
        assertThat(rust.token()).contains("m-token");
        assertThat(rust.id()).isEqualTo("mastodon:mastodon.social:hashtag:rust");
        SourceSpec.Feeds feeds = (SourceSpec.Feeds) contents.sources().get(3);
        assertThat(feeds.feeds())
                .containsExactly(
                        URI.create("https://example.com/a.xml"),
                        URI.create("https://example.com/b.xml"),
                        URI.create("https://example.com/c.xml"));
        assertThat(feeds.interval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(contents.ingestTokens()).containsEntry("zendesk", "z-token");
    }

    @Test
    void mistakesNameTheirKey() {
        assertThatThrownBy(() -> ConfigFile.parse("sources:\n  - type: myspace\n", "f", Map.of()))
                .hasMessageContaining("sources[0].type")
                .hasMessageContaining("bluesky, mastodon or feed");
        assertThatThrownBy(() -> ConfigFile.parse("sources:\n  - type: feed\n    interval: 15x\n", "f", Map.of()))
                .hasMessageContaining("sources[0].interval")
                .hasMessageContaining("15m");
        assertThatThrownBy(() -> ConfigFile.parse(
                        "sources:\n  - type: mastodon\n    instance: https://m.social\n    stream: hashtag\n",
                        "f",
                        Map.of()))
                .hasMessageContaining("sources[0].tag");
        assertThatThrownBy(() -> ConfigFile.parse(
                        "sources:\n  - type: mastodon\n    instance: https://m.social\n    token: ${NOPE}\n",
                        "f",
                        Map.of()))
                .hasMessageContaining("${NOPE}");
        assertThatThrownBy(() -> ConfigFile.parse("htp:\n  port: 1\n", "f", Map.of()))
                .hasMessageContaining("htp: unknown key");
        assertThatThrownBy(() -> ConfigFile.parse("http:\n  port: eighty\n", "f", Map.of()))
                .hasMessageContaining("http.port");
        assertThatThrownBy(() -> ConfigFile.parse("sources: [\n", "f", Map.of()))
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> ConfigFile.parse("sources:\n  - type: bluesky\n  - type: bluesky\n", "f", Map.of()))
                .hasMessageContaining("used twice");
        assertThatThrownBy(() ->
                        ConfigFile.parse("sources:\n  - type: bluesky\n    endpoints: [https://x]\n", "f", Map.of()))
                .hasMessageContaining("wss://");
    }

    @Test
    void alertRulesAreReadWithTheEnvironmentSubstituted() {
        ConfigFile.Contents contents = ConfigFile.parse("""
                alerts:
                  - name: Outage
                    topics: [Acme]
                    condition: {type: volume_spike, window: 30m}
                    channels:
                      - {type: webhook, url: "https://hooks.example.com/x", secret: "${HOOK_SECRET}"}
                """, "f", Map.of("HOOK_SECRET", "s3"));
        assertThat(contents.alerts())
                .singleElement()
                .satisfies(
                        rule -> assertThat(rule).contains("\"secret\":\"s3\"").contains("\"topics\":[\"Acme\"]"));
        assertThatThrownBy(() -> ConfigFile.parse("alerts:\n  - name: a\n  - name: a\n", "f", Map.of()))
                .hasMessageContaining("alerts[1].name: 'a' is used twice");
        assertThatThrownBy(() -> ConfigFile.parse("alerts: {name: a}\n", "f", Map.of()))
                .hasMessageContaining("alerts: must be a list");
    }

    @Test
    void aMastodonTransportIsAutoUnlessSaidAndOnlyTheThreeWordsWork() {
        ConfigFile.Contents contents = ConfigFile.parse("""
                sources:
                  - type: mastodon
                    instance: https://m.social
                    transport: WebSocket
                  - type: mastodon
                    id: second
                    instance: https://m.social
                """, "f", Map.of());
        assertThat(((SourceSpec.Mastodon) contents.sources().get(0)).transport())
                .isEqualTo(MastodonTransport.WEBSOCKET);
        assertThat(((SourceSpec.Mastodon) contents.sources().get(1)).transport())
                .isEqualTo(MastodonTransport.AUTO);
        SourceSpec fromApi = ConfigFile.sourceDefinition(
                "{\"type\":\"mastodon\",\"instance\":\"https://m.social\",\"transport\":\"sse\"}", Map.of());
        assertThat(((SourceSpec.Mastodon) fromApi).transport()).isEqualTo(MastodonTransport.SSE);
        assertThatThrownBy(() -> ConfigFile.parse(
                        "sources:\n  - type: mastodon\n    instance: https://m.social\n    transport: grpc\n",
                        "f",
                        Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("sources[0].transport: 'grpc' is not a transport; use sse, websocket or auto");
        assertThatThrownBy(() -> ConfigFile.sourceDefinition(
                        "{\"type\":\"mastodon\",\"instance\":\"https://m.social\",\"transport\":\"ws2\"}", Map.of()))
                .hasMessageStartingWith("source.transport: 'ws2' is not a transport");
    }

    @Test
    void anEmptyFileMeansDefaults() {
        assertThat(ConfigFile.parse("", "f", Map.of()).sources()).isEmpty();
    }
}
