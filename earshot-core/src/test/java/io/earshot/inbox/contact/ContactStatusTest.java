package io.earshot.inbox.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.PostKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A person's status comes from what they say about your brand, not about your competitors. */
class ContactStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Set<Long> BRAND = Set.of(1L, 2L);

    @Test
    void withoutProjectsEveryMentionIsAboutTheBrand() {
        assertThat(ContactService.aboutBrand(List.of(7L), false, Set.of())).isTrue();
        assertThat(ContactService.aboutBrand(List.of(), false, Set.of())).isTrue();
    }

    @Test
    void withProjectsOnlyBrandTopicsAndRepliesInACaseCount() {
        assertThat(ContactService.aboutBrand(List.of(2L), false, BRAND)).isTrue();
        assertThat(ContactService.aboutBrand(List.of(9L, 1L), false, BRAND))
                .as("brand and a competitor")
                .isTrue();
        assertThat(ContactService.aboutBrand(List.of(9L), true, BRAND))
                .as("a competitor only")
                .isFalse();
        assertThat(ContactService.aboutBrand(List.of(), true, BRAND))
                .as("a reply in a case's thread")
                .isTrue();
        assertThat(ContactService.aboutBrand(List.of(), false, BRAND)).isFalse();
    }

    @Test
    void hatingACompetitorDoesNotMakeADetractor() {
        List<ContactStore.Mentioned> newestFirst = List.of(
                mentioned(1, -1, false), mentioned(2, -1, false), mentioned(3, -1, false), mentioned(4, 1, true));
        assertThat(ContactService.status(newestFirst, NOW)).isEqualTo(ContactStatus.ADVOCATE);
        assertThat(ContactService.status(List.of(mentioned(1, -1, false)), NOW)).isEqualTo(ContactStatus.NEUTRAL);
    }

    @Test
    void theLastTwentyBrandMentionsCountWhateverCameBetween() {
        List<ContactStore.Mentioned> newestFirst = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            newestFirst.add(mentioned(newestFirst.size(), -1, false));
            newestFirst.add(mentioned(newestFirst.size(), i < ContactService.RECENT ? -1 : 1, true));
        }
        // 20 negative brand mentions, older positive ones beyond the twentieth do not dilute them
        assertThat(ContactService.status(newestFirst, NOW)).isEqualTo(ContactStatus.DETRACTOR);
    }

    private static ContactStore.Mentioned mentioned(int minutesAgo, int sentiment, boolean aboutBrand) {
        return new ContactStore.Mentioned(
                PostKey.parse("bluesky:did:plc:alice:3k" + minutesAgo),
                NOW.minus(Duration.ofMinutes(minutesAgo)),
                sentiment,
                "text",
                aboutBrand);
    }
}
