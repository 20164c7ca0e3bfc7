package io.earshot.source.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Config checks with messages a person can act on; streams, endpoints and paging links. */
class MastodonConfigTest {

    private static final URI SOCIAL = URI.create("https://mastodon.social");

    @Test
    void defaults_name_the_source_after_instance_and_stream() {
        MastodonConfig config = MastodonConfig.of(
                URI.create("HTTPS://Mastodon.Social/"), new MastodonStream.Hashtag("#Earshot"), Optional.of("t0k"));
        assertThat(config.instance()).isEqualTo(SOCIAL);
        assertThat(config.sourceId()).isEqualTo("mastodon:mastodon.social:hashtag:Earshot");
        assertThat(config.livenessTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.maxBackfillPages()).isEqualTo(50);
    }

    @Test
    void the_token_never_shows_in_to_string() {
        MastodonConfig config = MastodonConfig.of(SOCIAL, new MastodonStream.Public(), Optional.of("s3cr3t-token"));
        assertThat(config.toString()).doesNotContain("s3cr3t").contains("token=(set)", "stream=public");
    }

    @Test
    void bad_settings_are_refused_with_what_to_do() {
        MastodonStream tag = new MastodonStream.Hashtag("x");
        assertThatThrownBy(() -> MastodonConfig.of(URI.create("mastodon.social"), tag, Optional.empty()))
                .hasMessageContaining("e.g. https://mastodon.social");
        assertThatThrownBy(() -> MastodonConfig.of(URI.create("https://mastodon.social/api"), tag, Optional.empty()))
                .hasMessageContaining("without path");
        assertThatThrownBy(() -> MastodonConfig.of(URI.create("http://mastodon.social"), tag, Optional.of("t")))
                .hasMessageContaining("would travel unencrypted");
        assertThat(MastodonConfig.of(URI.create("http://127.0.0.1:8080"), tag, Optional.of("t"))
                        .token())
                .hasValue("t");
        assertThatThrownBy(() -> MastodonConfig.of(SOCIAL, new MastodonStream.User(), Optional.of("  ")))
                .hasMessageContaining("the user stream needs an access token");
        assertThatThrownBy(() -> MastodonConfig.of(SOCIAL, tag, Optional.of("a\r\nX-Injected: 1")))
                .hasMessageContaining("printable ASCII");
        MastodonConfig config = MastodonConfig.of(SOCIAL, tag, Optional.empty());
        assertThatThrownBy(() -> config.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("0 < initialBackoff <= maxBackoff");
        assertThatThrownBy(() -> config.withBackfill(Duration.ZERO, -1)).hasMessageContaining("maxBackfillPages");
        assertThatThrownBy(() -> config.withBatching(0, Duration.ZERO)).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> config.withLivenessTimeout(Duration.ZERO)).hasMessageContaining("livenessTimeout");
    }

    @Test
    void streams_parse_from_config_words() {
        assertThat(MastodonStream.parse("public", Optional.empty())).isEqualTo(new MastodonStream.Public());
        assertThat(MastodonStream.parse("public:local", Optional.empty())).isEqualTo(new MastodonStream.PublicLocal());
        assertThat(MastodonStream.parse("user", Optional.empty())).isEqualTo(new MastodonStream.User());
        assertThat(MastodonStream.parse("hashtag", Optional.of("#java"))).isEqualTo(new MastodonStream.Hashtag("java"));
        assertThat(MastodonStream.parse("hashtag:公式アカウント", Optional.empty()).id())
                .isEqualTo("hashtag:公式アカウント");
        assertThatThrownBy(() -> MastodonStream.parse("hashtag", Optional.empty()))
                .hasMessageContaining("needs a tag");
        assertThatThrownBy(() -> MastodonStream.parse("firehose", Optional.empty()))
                .hasMessageContaining("streams are public, public:local, hashtag (with a tag) and user");
        assertThatThrownBy(() -> MastodonStream.parse("public", Optional.of("x")))
                .hasMessageContaining("only goes with");
        assertThatThrownBy(() -> new MastodonStream.Hashtag("two words")).hasMessageContaining("a hashtag is");
        assertThatThrownBy(() -> new MastodonStream.Hashtag("a/../b")).hasMessageContaining("a hashtag is");
    }

    @Test
    void endpoints_encode_tags_and_page_forward_by_min_id() {
        MastodonStream tag = new MastodonStream.Hashtag("公式");
        assertThat(Endpoints.streaming(SOCIAL, tag))
                .hasToString("https://mastodon.social/api/v1/streaming/hashtag?tag=%E5%85%AC%E5%BC%8F");
        assertThat(Endpoints.timeline(SOCIAL, tag, Optional.of("42")))
                .hasToString("https://mastodon.social/api/v1/timelines/tag/%E5%85%AC%E5%BC%8F?limit=40&min_id=42");
        assertThat(Endpoints.timeline(SOCIAL, new MastodonStream.PublicLocal(), Optional.empty()))
                .hasToString("https://mastodon.social/api/v1/timelines/public?local=true&limit=40");
    }

    @Test
    void the_previous_page_link_is_followed_only_on_the_instance() {
        String link = "<https://mastodon.social/api/v1/timelines/tag/x?max_id=1>; rel=\"next\", "
                + "<https://mastodon.social/api/v1/timelines/tag/x?min_id=9>; rel=\"prev\"";
        assertThat(Endpoints.previousPage(List.of(link), SOCIAL))
                .hasValue(URI.create("https://mastodon.social/api/v1/timelines/tag/x?min_id=9"));
        assertThat(Endpoints.previousPage(List.of("<https://evil.example/steal?min_id=9>; rel=prev"), SOCIAL))
                .isEmpty();
        assertThat(Endpoints.previousPage(List.of("<http://mastodon.social/x?min_id=9>; rel=prev"), SOCIAL))
                .as("not over a weaker scheme")
                .isEmpty();
        assertThat(Endpoints.previousPage(List.of("garbage", "<:::>; rel=prev"), SOCIAL))
                .isEmpty();
    }
}
