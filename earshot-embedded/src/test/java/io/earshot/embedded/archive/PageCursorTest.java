package io.earshot.embedded.archive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void roundTripsAndIsUrlSafe() {
        for (PageCursor cursor : new PageCursor[] {
            new PageCursor(1_740_830_400_000L, "bluesky:did:plc:abc:3kxyz"),
            new PageCursor(-5, "mastodon:zoë.example:1"),
            new PageCursor(Long.MAX_VALUE, "w:x")
        }) {
            String encoded = cursor.encode();
            assertThat(encoded).matches("[A-Za-z0-9_-]+");
            assertThat(PageCursor.decode(encoded)).isEqualTo(cursor);
        }
    }
}
