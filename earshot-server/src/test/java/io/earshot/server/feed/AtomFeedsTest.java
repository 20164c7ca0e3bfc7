package io.earshot.server.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AtomFeedsTest {

    @Test
    void charactersXmlCannotCarryAreDroppedAndTheRestKept() {
        assertThat(AtomFeeds.xmlSafe("bell\u0007 nul\u0000 tab\t emoji 🎉 lone\uD800 end\uFFFF"))
                .isEqualTo("bell nul tab\t emoji 🎉 lone end");
    }
}
