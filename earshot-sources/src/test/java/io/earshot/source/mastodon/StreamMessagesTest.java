package io.earshot.source.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The WebSocket envelope: events as SSE gives them, and every odd message as a reason, never an exception. */
class StreamMessagesTest {

    @Test
    void an_envelope_gives_the_event_and_its_payload_text() {
        assertThat(StreamMessages.read(
                        "{\"stream\":[\"hashtag\",\"x\"],\"event\":\"update\",\"payload\":\"{\\\"id\\\":\\\"1\\\"}\"}"))
                .isEqualTo(new Signal.Event("update", "{\"id\":\"1\"}"));
        assertThat(StreamMessages.read("{\"stream\":[\"public\"],\"event\":\"delete\",\"payload\":\"109\"}"))
                .isEqualTo(new Signal.Event("delete", "109"));
        assertThat(StreamMessages.read("{\"event\":\"delete\",\"payload\":109}"))
                .isEqualTo(new Signal.Event("delete", "109"));
        assertThat(StreamMessages.read("{\"stream\":[\"user\"],\"event\":\"filters_changed\"}"))
                .isEqualTo(new Signal.Event("filters_changed", ""));
        assertThat(StreamMessages.read("{\"event\":\"update\",\"payload\":{\"id\":\"2\"}}"))
                .as("a status sent as an object rather than as its JSON text")
                .isEqualTo(new Signal.Event("update", "{\"id\":\"2\"}"));
    }

    @Test
    void what_is_no_streaming_message_says_why() {
        assertThat(reason("{\"event\":")).startsWith("message is not JSON: ");
        assertThat(reason("[1]")).isEqualTo("a streaming message is a JSON object with an event, got an array");
        assertThat(reason("")).isEqualTo("a streaming message is a JSON object with an event, got nothing");
        assertThat(reason("{\"payload\":\"x\"}")).startsWith("message has no 'event': ");
        assertThat(reason("{\"error\":\"Missing access token\",\"status\":401}"))
                .isEqualTo("the streaming server said: Missing access token (status 401)");
        assertThat(reason("{\"a\":".repeat(200) + "1" + "}".repeat(200))).startsWith("message exceeds a parser limit");
    }

    @Test
    void websocket_endpoints_name_the_stream_in_the_query() {
        URI server = URI.create("wss://streaming.mastodon.social");
        assertThat(Endpoints.webSocket(server, new MastodonStream.Hashtag("公式")))
                .hasToString("wss://streaming.mastodon.social/api/v1/streaming?stream=hashtag&tag=%E5%85%AC%E5%BC%8F");
        assertThat(Endpoints.webSocket(server, new MastodonStream.PublicLocal()))
                .hasToString("wss://streaming.mastodon.social/api/v1/streaming?stream=public:local");
        assertThat(Endpoints.webSocket(URI.create("ws://127.0.0.1:4000"), new MastodonStream.User()))
                .hasToString("ws://127.0.0.1:4000/api/v1/streaming?stream=user");
        assertThat(Endpoints.webSocketOrigin(URI.create("https://fosstodon.org")))
                .hasToString("wss://fosstodon.org");
    }

    @Test
    void transports_parse_from_config_words_with_a_clear_error() {
        assertThat(MastodonTransport.parse(" WebSocket ")).isEqualTo(MastodonTransport.WEBSOCKET);
        assertThat(MastodonTransport.parse("sse")).isEqualTo(MastodonTransport.SSE);
        assertThat(MastodonTransport.parse("auto")).isEqualTo(MastodonTransport.AUTO);
        assertThatThrownBy(() -> MastodonTransport.parse("grpc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("mastodon: unknown transport 'grpc'; use sse, websocket or auto");
        MastodonConfig config =
                MastodonConfig.of(URI.create("https://mastodon.social"), new MastodonStream.Public(), Optional.empty());
        assertThat(config.transport()).isEqualTo(MastodonTransport.AUTO);
        assertThat(config.withTransport(MastodonTransport.SSE).toString()).contains("transport=sse");
    }

    private static String reason(String message) {
        Signal signal = StreamMessages.read(message);
        assertThat(signal).isInstanceOf(Signal.Unreadable.class);
        return ((Signal.Unreadable) signal).reason();
    }
}
