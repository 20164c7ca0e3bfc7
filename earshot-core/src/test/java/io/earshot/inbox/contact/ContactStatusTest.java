package io.earshot.inbox.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A person's status comes from what they say about your brand, not about your competitors. */
class ContactStatusTest {

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
    void theMeanOfRecentBrandSentimentsGivesTheStatus() {
        assertThat(ContactService.status(List.of())).isEqualTo(ContactStatus.NEUTRAL);
        assertThat(ContactService.status(List.of(1, 0, 0, 0))).as("mean 0.25").isEqualTo(ContactStatus.ADVOCATE);
        assertThat(ContactService.status(List.of(1, 0, 0, 0, 0))).as("mean 0.2").isEqualTo(ContactStatus.NEUTRAL);
        assertThat(ContactService.status(List.of(-1, -1, 1))).isEqualTo(ContactStatus.DETRACTOR);
        assertThat(ContactService.status(List.of(-1, 1))).isEqualTo(ContactStatus.NEUTRAL);
    }
}
