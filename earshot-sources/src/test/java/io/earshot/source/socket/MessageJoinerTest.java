package io.earshot.source.socket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageJoinerTest {

    @Test
    void fragments_join_into_one_message_and_the_next_starts_afresh() {
        MessageJoiner joiner = new MessageJoiner(10);
        assertThat(joiner.add("abc", false)).isEmpty();
        assertThat(joiner.add("def", true)).hasValue(new MessageJoiner.Joined.Message("abcdef"));
        assertThat(joiner.add("0123456789", true)).hasValue(new MessageJoiner.Joined.Message("0123456789"));
    }

    @Test
    void a_message_over_the_limit_is_dropped_as_it_arrives_and_reported_by_size() {
        MessageJoiner joiner = new MessageJoiner(10);
        assertThat(joiner.add("12345678", false)).isEmpty();
        assertThat(joiner.add("9ab", false)).isEmpty();
        assertThat(joiner.add("x".repeat(100), true)).hasValue(new MessageJoiner.Joined.Oversized(111, 10));
        assertThat(joiner.add("ok", true))
                .as("the next message is whole again")
                .hasValue(new MessageJoiner.Joined.Message("ok"));
    }
}
