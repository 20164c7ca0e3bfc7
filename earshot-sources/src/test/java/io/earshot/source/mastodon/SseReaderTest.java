package io.earshot.source.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The event-stream format as the WHATWG spec defines it, and the limits that keep a reader bounded. */
class SseReaderTest {

    private static List<SseReader.Item> read(String stream, int maxEventBytes) throws IOException {
        return read(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), maxEventBytes);
    }

    private static List<SseReader.Item> read(InputStream in, int maxEventBytes) throws IOException {
        SseReader reader = new SseReader(in, maxEventBytes);
        List<SseReader.Item> items = new ArrayList<>();
        for (Optional<SseReader.Item> item = reader.next(); item.isPresent(); item = reader.next()) {
            items.add(item.get());
        }
        return items;
    }

    private static SseReader.Item event(String name, String data) {
        return new SseReader.Item.Event(name, data);
    }

    @Test
    void events_with_names_and_data_lines_joined() throws IOException {
        assertThat(read(":)\nevent: update\ndata: {\"a\":\ndata: 1}\n\nevent: delete\ndata: 42\n\n", 1024))
                .containsExactly(event("update", "{\"a\":\n1}"), event("delete", "42"));
    }

    @Test
    void every_line_ending_works_and_comments_are_no_events() throws IOException {
        assertThat(read("event: a\r\ndata: 1\r\n\r\n:thump\r:thump\nevent: b\rdata: 2\r\revent:c\ndata:3\n\n", 1024))
                .containsExactly(event("a", "1"), event("b", "2"), event("c", "3"));
    }

    @Test
    void odd_but_valid_streams() throws IOException {
        assertThat(read("\uFEFFdata: first\n\n", 1024))
                .as("a byte order mark")
                .containsExactly(event("message", "first"));
        assertThat(read("event: nodata\n\ndata\n\n", 1024))
                .as("an event without data is none; a field without colon has an empty value")
                .containsExactly(event("message", ""));
        assertThat(read("data:  two spaces\nid: 7\nretry: 10\nunknown: x\n\n", 1024))
                .containsExactly(event("message", " two spaces"));
        assertThat(read("event: update\ndata: cut off", 1024))
                .as("an event cut off by the end is dropped")
                .isEmpty();
    }

    @Test
    void invalid_utf8_is_replaced_not_fatal() throws IOException {
        byte[] bytes = {'d', 'a', 't', 'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n', '\n'};
        assertThat(read(new ByteArrayInputStream(bytes), 1024)).containsExactly(event("message", "\uFFFD("));
    }

    @Test
    void oversized_events_are_dropped_and_reading_goes_on() throws IOException {
        String big = "data: " + "x".repeat(5_000) + "\n\n";
        String many = "data: 1234567890\n".repeat(200) + "\n";
        assertThat(read("data: small\n\n" + big + many + "event: after\ndata: ok\n\n", 1024))
                .hasSize(4)
                .satisfies(items -> {
                    assertThat(items.get(0)).isEqualTo(event("message", "small"));
                    assertThat(items.get(1)).isInstanceOf(SseReader.Item.Oversized.class);
                    assertThat(items.get(2)).isInstanceOf(SseReader.Item.Oversized.class);
                    assertThat(items.get(3)).isEqualTo(event("after", "ok"));
                });
    }

    @Test
    void heartbeats_move_the_last_heard_time() throws IOException, InterruptedException {
        SseReader reader =
                new SseReader(new ByteArrayInputStream(":thump\n:thump\n".getBytes(StandardCharsets.UTF_8)), 1024);
        long before = reader.lastHeardNanos();
        Thread.sleep(2);
        assertThat(reader.next()).isEmpty();
        assertThat(reader.lastHeardNanos()).isGreaterThan(before);
    }
}
