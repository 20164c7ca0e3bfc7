package io.earshot.embedded.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.Mention;
import io.earshot.domain.PostKey;
import io.earshot.inbox.Assigner;
import io.earshot.inbox.Case;
import io.earshot.inbox.CaseIntake;
import io.earshot.inbox.CaseLocks;
import io.earshot.inbox.CaseQuery;
import io.earshot.inbox.Router;
import io.earshot.testkit.inbox.InboxMentions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox takes mentions in by groups, one transaction each, over the real state database: a mention the store
 * refuses costs only its own case, not its group's, and a replayed group opens nothing twice.
 */
class CaseIntakeGroupsTest {

    @TempDir
    Path data;

    @Test
    void aRefusedMentionCostsOnlyItsOwnCase() {
        Instant at = Instant.now().minusSeconds(60);
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            mentions.add(InboxMentions.bluesky("did:plc:author" + i, "3k" + i, "acme question " + i, at)
                    .topics(1)
                    .build());
        }
        PostKey poisoned = mentions.get(120).key();
        try (SqliteStateStore state = SqliteStateStore.open(data);
                Router router = new Router()) {
            SqliteInbox inbox = state.inbox();
            Heard heard = new Heard(Set.of(poisoned));
            CaseIntake intake = intake(inbox, router, heard);

            intake.process(mentions, true);

            assertThat(intake.opened()).isEqualTo(249);
            assertThat(intake.failed()).isEqualTo(1);
            assertThat(inbox.cases().list(CaseQuery.all(1000))).hasSize(249);
            assertThat(inbox.cases().caseOfThread(Set.of(poisoned)))
                    .as("rolled back with nothing left")
                    .isEmpty();
            assertThat(inbox.cases().caseOfThread(Set.of(mentions.get(119).key())))
                    .as("a neighbour in the refused group")
                    .isPresent();
            // the refused group's mentions were heard once in the attempt rolled back, then again one by one
            assertThat(heard.mentions.stream().distinct()).hasSize(249).doesNotContain(mentions.get(120));

            // the same group again, nothing refused this time: only the missing case is opened
            CaseIntake again = intake(inbox, router, new Heard(Set.of()));
            again.process(mentions, true);
            assertThat(again.opened()).isEqualTo(1);
            assertThat(again.failed()).isZero();
            assertThat(inbox.cases().list(CaseQuery.all(1000)))
                    .hasSize(250)
                    .extracting(Case::firstMention)
                    .doesNotHaveDuplicates();
        }
    }

    private static CaseIntake intake(SqliteInbox inbox, Router router, Heard heard) {
        return new CaseIntake(
                inbox.cases(),
                router,
                new Assigner(inbox.cases(), inbox.definitions()),
                team -> Optional.empty(),
                author -> false,
                heard,
                Clock.systemUTC(),
                CaseIntake.Settings.DEFAULT,
                new CaseLocks(),
                inbox.commits());
    }

    /** Records what the inbox took in; refuses the posts it is given, as a failing store would. */
    private static final class Heard implements CaseIntake.Heard {
        final List<Mention> mentions = new CopyOnWriteArrayList<>();
        private final Set<PostKey> refused;

        Heard(Set<PostKey> refused) {
            this.refused = refused;
        }

        @Override
        public void heard(Mention mention, Optional<Case> inCase) {
            if (refused.contains(mention.key())) {
                throw new IllegalStateException("refused " + mention.key().id());
            }
            mentions.add(mention);
        }
    }
}
