package io.earshot.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CannedReplyTest {

    @Test
    void variablesAreFilledAndFallbacksUsed() {
        CannedReply canned = new CannedReply(
                1,
                "Sorry",
                "Hi {{author.name|there}}, {{agent}} from {{team}} here" + " (case {{ case.id }}).",
                List.of());
        assertThat(canned.render(Map.of("agent", "ana", "team", "Support", "case.id", "7")))
                .isEqualTo("Hi there, ana from Support here (case 7).");
        assertThat(canned.render(Map.of("author.name", "Alice", "agent", "ana", "team", "Support", "case.id", "7")))
                .startsWith("Hi Alice,");
    }

    @Test
    void unknownAndMissingVariablesAreNamed() {
        assertThatThrownBy(() -> new CannedReply(1, "x", "Hi {{author.nmae}}", List.of()))
                .hasMessageContaining("author.nmae")
                .hasMessageContaining("author.name");
        assertThatThrownBy(() -> new CannedReply(1, "x", "Hi {{team}}", List.of()).render(Map.of()))
                .hasMessageContaining("[team]");
    }

    @Test
    void presenceShowsWhoIsThereUntilItExpires() {
        Instant[] now = {Instant.parse("2026-11-26T10:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        Presence presence = new Presence(clock, Duration.ofSeconds(30));
        presence.beat(1, "ana", Presence.Activity.VIEWING);
        now[0] = now[0].plusSeconds(10);
        assertThat(presence.beat(1, "ben", Presence.Activity.REPLYING))
                .extracting(Presence.Entry::user)
                .containsExactly("ben", "ana");
        now[0] = now[0].plusSeconds(25);
        assertThat(presence.on(1)).extracting(Presence.Entry::user).containsExactly("ben");
        presence.leave(1, "ben");
        assertThat(presence.on(1)).isEmpty();
    }
}
