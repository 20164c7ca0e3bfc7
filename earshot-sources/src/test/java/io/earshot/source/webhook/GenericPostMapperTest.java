package io.earshot.source.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.source.Mapping;
import io.earshot.source.SourceEvent;
import org.junit.jupiter.api.Test;

class GenericPostMapperTest {

    private final GenericPostMapper mapper = new GenericPostMapper();

    @Test
    void aFullPostKeepsEveryField() {
        Mapping mapping = mapper.map(
                "{\"id\":\"ticket-4711\",\"text\":\"Acme support is slow\",\"createdAt\":\"2026-11-26T10:00:00Z\","
                        + "\"url\":\"https://support.example.com/t/4711\",\"author\":{\"id\":\"u42\",\"handle\":\"ana\",\"name\":\"Ana\",\"followers\":1200},"
                        + "\"title\":\"Slow\",\"lang\":\"en\",\"hashtags\":[\"#acme\"],\"links\":[\"https://acme.example\"],\"replyTo\":\"ticket-4700\"}");
        assertThat(mapping).isInstanceOf(Mapping.Events.class);
        Post post =
                ((SourceEvent.PostCreated) ((Mapping.Events) mapping).events().get(0)).post();
        assertThat(post.key().id()).isEqualTo("webhook:ticket-4711");
        assertThat(post.network()).isEqualTo(Network.WEBHOOK);
        assertThat(post.text()).isEqualTo("Acme support is slow");
        assertThat(post.author().handle()).contains("ana");
        assertThat(post.author().followers().getAsLong()).isEqualTo(1200);
        assertThat(post.hashtags()).containsExactly("acme");
        assertThat(post.links()).containsExactly("https://acme.example");
        assertThat(post.replyParent().orElseThrow().id()).isEqualTo("webhook:ticket-4700");
        assertThat(post.title()).contains("Slow");
        assertThat(post.url()).contains("https://support.example.com/t/4711");
    }

    @Test
    void deletesAndUnsafeIds() {
        Mapping deleted = mapper.map("{\"id\":\"a/b?c\",\"deleted\":true}");
        SourceEvent.PostDeleted event =
                (SourceEvent.PostDeleted) ((Mapping.Events) deleted).events().get(0);
        assertThat(event.key().nativeId()).startsWith("h-").doesNotContain("/");
        Mapping created = mapper.map("{\"id\":\"a/b?c\",\"text\":\"x\"}");
        assertThat(((SourceEvent.PostCreated)
                                ((Mapping.Events) created).events().get(0))
                        .post()
                        .key())
                .isEqualTo(event.key());
    }

    @Test
    void badInputIsRejectedWithAReason() {
        assertThat(mapper.map("{oops"))
                .isInstanceOfSatisfying(
                        Mapping.Rejected.class, r -> assertThat(r.error()).contains("invalid JSON"));
        assertThat(mapper.map("[1,2]"))
                .isInstanceOfSatisfying(
                        Mapping.Rejected.class, r -> assertThat(r.error()).contains("object"));
        assertThat(mapper.map("{\"text\":\"x\"}"))
                .isInstanceOfSatisfying(
                        Mapping.Rejected.class, r -> assertThat(r.error()).contains("id"));
        assertThat(mapper.map("{\"id\":\"1\"}"))
                .isInstanceOfSatisfying(
                        Mapping.Rejected.class, r -> assertThat(r.error()).contains("text"));
        assertThat(mapper.map("{\"id\":\"1\",\"text\":\"x\",\"createdAt\":\"yesterday\"}"))
                .isInstanceOfSatisfying(
                        Mapping.Rejected.class, r -> assertThat(r.error()).contains("ISO-8601"));
        assertThat(mapper.map("{\"id\":\"1\",\"text\":\"x\",\"url\":\"javascript:alert(1)\"}"))
                .isInstanceOfSatisfying(
                        Mapping.Events.class,
                        e -> assertThat(((SourceEvent.PostCreated) e.events().get(0))
                                        .post()
                                        .url())
                                .isEmpty());
        assertThat(mapper.map("[".repeat(10_000))).isInstanceOf(Mapping.Rejected.class);
        assertThat(mapper.map("{\"id\":\"1\",\"text\":\"" + "x".repeat(2 << 20) + "\"}"))
                .isInstanceOf(Mapping.Rejected.class);
    }
}
