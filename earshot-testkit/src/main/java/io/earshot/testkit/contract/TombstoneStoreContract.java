package io.earshot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import io.earshot.ingest.TombstoneStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contract of {@link TombstoneStore}. Extend it and implement {@link #open}. */
public abstract class TombstoneStoreContract extends StoreContract<TombstoneStore> {

    private static final Instant AT = Instant.parse("2025-03-01T12:00:00Z");
    private static final PostKey A = new PostKey(Network.BLUESKY, "did:plc:a:3k1");
    private static final PostKey B = new PostKey(Network.BLUESKY, "did:plc:a:3k2");
    private static final PostKey C = new PostKey(Network.MASTODON, "did:plc:a:3k1");

    @Test
    void buriedReportsOnlyDeletedKeys() {
        store().bury(List.of(A, B), AT);
        assertThat(store().buried(List.of(A, B, C))).containsExactlyInAnyOrder(A, B);
        assertThat(store().buried(List.of(C))).isEmpty();
        assertThat(store().buried(List.of())).isEmpty();
    }

    @Test
    void buryingAgainIsHarmless() {
        store().bury(List.of(A), AT);
        store().bury(List.of(A, A), AT.plusSeconds(60));
        store().bury(List.of(), AT);
        assertThat(store().buried(List.of(A))).containsExactly(A);
    }

    @Test
    void largeBatchesWork() {
        List<PostKey> keys = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            keys.add(new PostKey(Network.BLUESKY, "did:plc:many:" + i));
        }
        store().bury(keys.subList(0, 2_000), AT);
        Set<PostKey> buried = store().buried(keys);
        assertThat(buried).hasSize(2_000).containsAll(keys.subList(0, 2_000));
    }

    @Test
    void tombstonesSurviveReopen() throws Exception {
        store().bury(List.of(C), AT);
        reopen();
        assertThat(store().buried(List.of(A, C))).containsExactly(C);
    }
}
