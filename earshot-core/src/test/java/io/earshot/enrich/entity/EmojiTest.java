package io.earshot.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmojiTest {

    @Test
    void findsWholeSequences() {
        assertThat(Emoji.find("a👩‍👩‍👧b👍🏽c🇫🇷d1️⃣e❤️f🏴󠁧󠁢󠁳󠁣󠁴󠁿g🏳️‍🌈h"))
                .containsExactly("👩‍👩‍👧", "👍🏽", "🇫🇷", "1️⃣", "❤️", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "🏳️‍🌈");
    }

    @Test
    void adjacentEmojiAreSeparateUnlessJoined() {
        assertThat(Emoji.find("😂😂🔥")).containsExactly("😂", "😂", "🔥");
        assertThat(Emoji.find("🧑🏾‍💻")).containsExactly("🧑🏾‍💻");
    }

    @Test
    void textStyleSymbolsAndPlainDigitsAreNotEmoji() {
        assertThat(Emoji.find("© ® ™ 1 # * ↔ plain")).isEmpty();
        assertThat(Emoji.find("©️")).containsExactly("©️");
        assertThat(Emoji.find("❤ ☺")).containsExactly("❤", "☺");
    }

    @Test
    void baseDropsSkinTonesAndSelectors() {
        assertThat(Emoji.base("👍🏽")).isEqualTo("👍");
        assertThat(Emoji.base("❤️")).isEqualTo("❤");
    }

    @Test
    void brokenInputIsSkipped() {
        assertThat(Emoji.find("\uD83D")).isEmpty();
        assertThat(Emoji.find("\uDE02\uD83D")).isEmpty();
        assertThat(Emoji.find("🇫")).isEmpty();
        assertThat(Emoji.find("\u200D\u200D")).isEmpty();
        assertThat(Emoji.find("😂\u200D")).containsExactly("😂");
        assertThat(Emoji.find("")).isEmpty();
    }
}
