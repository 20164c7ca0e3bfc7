package io.earshot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.PostKey;
import io.earshot.inbox.Case;
import io.earshot.inbox.CaseEvent;
import io.earshot.inbox.CaseMessage;
import io.earshot.inbox.CaseQuery;
import io.earshot.inbox.CaseStatus;
import io.earshot.inbox.CaseStore;
import io.earshot.inbox.Priority;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contract of {@link CaseStore}. Extend it and implement {@link #open}. */
public abstract class CaseStoreContract extends StoreContract<CaseStore> {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    static Case draft(String rkey, Optional<String> team, Optional<String> assignee) {
        PostKey key = PostKey.parse("bluesky:did:plc:alice:" + rkey);
        return new Case(
                0,
                key,
                key,
                "bluesky:did:plc:alice",
                team,
                assignee,
                CaseStatus.NEW,
                Priority.HIGH,
                Set.of("b", "a"),
                T0,
                T0,
                T0,
                Optional.of(T0),
                Optional.empty(),
                Optional.empty());
    }

    static CaseMessage message(String rkey, Instant at, boolean outbound) {
        return new CaseMessage(
                0,
                PostKey.parse("bluesky:did:plc:alice:" + rkey),
                "bluesky:did:plc:alice",
                Optional.of("alice.bsky.social"),
                "at://did:plc:alice/app.bsky.feed.post/" + rkey,
                Optional.empty(),
                "text of " + rkey,
                at,
                Optional.of(-1),
                outbound);
    }

    private Case open(String rkey, Optional<String> team, Optional<String> assignee) {
        return store().create(
                        draft(rkey, team, assignee),
                        message(rkey, T0, false),
                        List.of(CaseEvent.of(
                                0,
                                T0,
                                CaseEvent.SYSTEM,
                                CaseEvent.Type.CREATED,
                                Optional.empty(),
                                Optional.of(rkey),
                                Optional.empty())));
    }

    @Test
    void aCaseIsStoredWithItsFirstMessageAndHistoryAndSurvivesReopen() throws Exception {
        Case created = open("3k1", Optional.of("support"), Optional.empty());
        assertThat(created.id()).isPositive();
        assertThat(created.tags()).containsExactlyInAnyOrder("a", "b");
        CaseStore reopened = reopen();
        assertThat(reopened.get(created.id())).contains(created);
        assertThat(reopened.messages(created.id())).singleElement().satisfies(message -> {
            assertThat(message.caseId()).isEqualTo(created.id());
            assertThat(message.sentiment()).contains(-1);
            assertThat(message.handle()).contains("alice.bsky.social");
        });
        assertThat(reopened.events(created.id())).extracting(CaseEvent::type).containsExactly(CaseEvent.Type.CREATED);
    }

    @Test
    void creatingForAKnownPostReturnsTheCaseItIsIn() {
        Case created = open("3k1", Optional.empty(), Optional.empty());
        assertThat(open("3k1", Optional.empty(), Optional.empty()).id()).isEqualTo(created.id());
        assertThat(store().events(created.id())).hasSize(1);
    }

    @Test
    void threadsAreFoundByAnyOfTheirPostsOrTheirRoot() {
        Case created = open("3k1", Optional.empty(), Optional.empty());
        assertThat(store().addMessage(withCase(message("3k2", T0.plusSeconds(5), false), created.id())))
                .isTrue();
        // an edit: known post, new text and sentiment
        CaseMessage sent = message("3k2", T0.plusSeconds(5), false);
        CaseMessage edited = new CaseMessage(
                created.id(),
                sent.post(),
                sent.author(),
                sent.handle(),
                sent.uri(),
                sent.url(),
                "edited text",
                sent.at(),
                Optional.of(1),
                false);
        assertThat(store().addMessage(edited)).isFalse();
        assertThat(store().messages(created.id()).getLast().sentiment()).contains(1);
        assertThat(store().caseOfThread(List.of(PostKey.parse("bluesky:did:plc:alice:3k2"))))
                .contains(created);
        assertThat(store().caseOfThread(List.of(PostKey.parse("bluesky:did:plc:x:zz"))))
                .isEmpty();
        assertThat(store().messages(created.id())).hasSize(2);
        // deleted on the network: the text goes, the thread keeps its shape
        store().forget(List.of(PostKey.parse("bluesky:did:plc:alice:3k1")));
        assertThat(store().messages(created.id())).extracting(CaseMessage::text).containsExactly("", "edited text");
        assertThat(store().events(created.id()))
                .allSatisfy(event -> assertThat(event.text()).isEmpty());
        assertThat(store().caseOfThread(List.of(PostKey.parse("bluesky:did:plc:alice:3k1"))))
                .contains(created);
    }

    @Test
    void updatesKeepTheirHistoryAndListsFilterAndPage() {
        Case first = open("3k1", Optional.of("support"), Optional.of("ana"));
        Case second = open("3k2", Optional.of("support"), Optional.empty());
        Case third = open("3k3", Optional.of("sales"), Optional.of("ana"));
        store().update(
                        third.withStatus(CaseStatus.RESOLVED, T0.plusSeconds(60)),
                        List.of(CaseEvent.of(
                                third.id(),
                                T0.plusSeconds(60),
                                "ana",
                                CaseEvent.Type.STATUS,
                                Optional.of("new"),
                                Optional.of("resolved"),
                                Optional.empty())));
        assertThat(store().get(third.id()).orElseThrow().resolvedAt()).contains(T0.plusSeconds(60));
        assertThat(store().events(third.id())).extracting(CaseEvent::actor).containsExactly(CaseEvent.SYSTEM, "ana");
        store().log(List.of(CaseEvent.of(
                third.id(),
                T0.plusSeconds(61),
                "ben",
                CaseEvent.Type.NOTE,
                Optional.empty(),
                Optional.empty(),
                Optional.of("called her"))));
        assertThat(store().events(third.id()).getLast().text()).contains("called her");
        assertThat(store().get(third.id()).orElseThrow().status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(store().list(CaseQuery.all(10)))
                .extracting(Case::id)
                .containsExactly(third.id(), second.id(), first.id());
        assertThat(store().list(new CaseQuery(
                        Optional.of("support"),
                        Optional.of(""),
                        Set.of(),
                        Optional.empty(),
                        Optional.empty(),
                        OptionalLong.empty(),
                        10)))
                .extracting(Case::id)
                .containsExactly(second.id());
        assertThat(store().list(new CaseQuery(
                        Optional.empty(),
                        Optional.of("ana"),
                        EnumSet.of(CaseStatus.NEW),
                        Optional.of("a"),
                        Optional.empty(),
                        OptionalLong.empty(),
                        10)))
                .extracting(Case::id)
                .containsExactly(first.id());
        assertThat(store().list(CaseQuery.all(1).before(third.id())))
                .extracting(Case::id)
                .containsExactly(second.id());
        assertThat(store().activeCounts(List.of("ana", "ben")))
                .containsEntry("ana", 1)
                .containsEntry("ben", 0);
        assertThat(store().openedBetween(T0, T0.plusSeconds(1))).hasSize(3);
        assertThat(store().eventsOfType(CaseEvent.Type.STATUS, T0, T0.plusSeconds(3600)))
                .hasSize(1);
    }

    private static CaseMessage withCase(CaseMessage message, long caseId) {
        return new CaseMessage(
                caseId,
                message.post(),
                message.author(),
                message.handle(),
                message.uri(),
                message.url(),
                message.text(),
                message.at(),
                message.sentiment(),
                message.outbound());
    }
}
