package io.earshot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.Network;
import io.earshot.ingest.AuthorDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of {@link AuthorDirectory}. Extend it and implement {@link #open}. */
public abstract class AuthorDirectoryContract extends StoreContract<AuthorDirectory> {

    @Test
    void anUnknownAccountHasNoHandle() {
        assertThat(store().handle(Network.BLUESKY, "did:plc:nobody")).isEmpty();
    }

    @Test
    void theLatestHandleWins() {
        store().rememberHandle(Network.BLUESKY, "did:plc:alice", "alice.bsky.social");
        store().rememberHandle(Network.BLUESKY, "did:plc:alice", "alice.example.com");
        assertThat(store().handle(Network.BLUESKY, "did:plc:alice")).contains("alice.example.com");
    }

    @Test
    void accountsAreKeyedByNetworkAndId() {
        store().rememberHandle(Network.BLUESKY, "same-id", "on-bluesky");
        store().rememberHandle(Network.MASTODON, "same-id", "on-mastodon");
        assertThat(store().handle(Network.BLUESKY, "same-id")).contains("on-bluesky");
        assertThat(store().handle(Network.MASTODON, "same-id")).contains("on-mastodon");
    }

    @Test
    void handlesOfManyAccountsAtOnce() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ids.add("did:plc:many" + i);
            if (i % 3 == 0) {
                store().rememberHandle(Network.BLUESKY, "did:plc:many" + i, "many" + i + ".bsky.social");
            }
        }
        store().rememberHandle(Network.MASTODON, "did:plc:many1", "not-on-bluesky");
        ids.add("did:plc:many0"); // asked twice
        Map<String, String> handles = store().handles(Network.BLUESKY, ids);
        assertThat(handles).hasSize(84).containsEntry("did:plc:many249", "many249.bsky.social");
        assertThat(handles).doesNotContainKey("did:plc:many1");
        assertThat(store().handles(Network.BLUESKY, List.of())).isEmpty();
        assertThat(store().handles(Network.MASTODON, List.of("did:plc:many1")))
                .containsExactly(Map.entry("did:plc:many1", "not-on-bluesky"));
    }

    @Test
    void handlesSurviveReopen() throws Exception {
        store().rememberHandle(Network.MASTODON, "https://example.social/users/zoë", "zoë@example.social");
        reopen();
        assertThat(store().handle(Network.MASTODON, "https://example.social/users/zoë"))
                .contains("zoë@example.social");
    }
}
