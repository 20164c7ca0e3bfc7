package io.earshot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.source.CursorStore;
import org.junit.jupiter.api.Test;

/** The contract of {@link CursorStore}. Extend it and implement {@link #open}. */
public abstract class CursorStoreContract extends StoreContract<CursorStore> {

    @Test
    void aSourceWithoutACommittedCursorHasNone() {
        assertThat(store().get("bluesky-jetstream")).isEmpty();
    }

    @Test
    void theLastCommittedCursorWins() {
        store().commit("bluesky-jetstream", "1700000000000000");
        store().commit("bluesky-jetstream", "1700000000000001");
        assertThat(store().get("bluesky-jetstream")).contains("1700000000000001");
    }

    @Test
    void sourcesHaveTheirOwnCursors() {
        store().commit("a", "cursor-a");
        store().commit("b", "cursor-b");
        assertThat(store().get("a")).contains("cursor-a");
        assertThat(store().get("b")).contains("cursor-b");
    }

    @Test
    void cursorsAreOpaqueText() {
        String cursor = "{\"etag\":\"W/\\\"abc\\\"\",\"since\":\"2025-03-01T12:00:00Z\"} ü ' ; --";
        store().commit("feed:https://example.com/rss?x=1", cursor);
        assertThat(store().get("feed:https://example.com/rss?x=1")).contains(cursor);
    }

    @Test
    void committedCursorsSurviveReopen() throws Exception {
        store().commit("mastodon", "109999");
        reopen();
        assertThat(store().get("mastodon")).contains("109999");
    }
}
