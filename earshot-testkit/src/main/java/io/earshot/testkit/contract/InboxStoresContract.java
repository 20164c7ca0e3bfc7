package io.earshot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import io.earshot.inbox.CaseStatus;
import io.earshot.inbox.InboxDefinitions;
import io.earshot.inbox.InboxDefinitions.Kind;
import io.earshot.inbox.contact.Contact;
import io.earshot.inbox.contact.ContactStatus;
import io.earshot.inbox.contact.ContactStore;
import io.earshot.inbox.reply.ConnectedAccount;
import io.earshot.inbox.reply.Reply;
import io.earshot.inbox.reply.ReplyStore;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The contracts of the inbox's other ports: {@link InboxDefinitions}, {@link ReplyStore} and {@link ContactStore}.
 * Extend it and implement {@link #open} (returning the three over one store).
 */
public abstract class InboxStoresContract extends StoreContract<InboxStoresContract.Stores> {

    /** The three ports under test. */
    public record Stores(InboxDefinitions definitions, ReplyStore replies, ContactStore contacts, AutoCloseable owner)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            owner.close();
        }
    }

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void definitionsAreOrderedReplacedAndNumberedWithoutReuse() throws Exception {
        InboxDefinitions definitions = store().definitions();
        definitions.put(Kind.ROUTING_RULE, "2", 1, "{\"b\":1}", T0);
        definitions.put(Kind.ROUTING_RULE, "10", 2, "{\"a\":1}", T0);
        definitions.put(Kind.ROUTING_RULE, "2", 3, "{\"b\":2}", T0);
        assertThat(reopen().definitions().list(Kind.ROUTING_RULE))
                .extracting(InboxDefinitions.Definition::id)
                .containsExactly("10", "2");
        assertThat(store().definitions()
                        .get(Kind.ROUTING_RULE, "2")
                        .orElseThrow()
                        .json())
                .isEqualTo("{\"b\":2}");
        assertThat(store().definitions().list(Kind.TEAM)).isEmpty();
        long first = store().definitions().nextId(Kind.CANNED_REPLY);
        assertThat(store().definitions().delete(Kind.ROUTING_RULE, "2")).isTrue();
        assertThat(store().definitions().delete(Kind.ROUTING_RULE, "2")).isFalse();
        assertThat(reopen().definitions().nextId(Kind.CANNED_REPLY)).isGreaterThan(first);
    }

    @Test
    void accountsKeepTheirSealedCredentialsApartAndRepliesAreRecordedOncePerRequest() throws Exception {
        ConnectedAccount account = store().replies()
                .addAccount(
                        new ConnectedAccount(
                                0,
                                Network.BLUESKY,
                                "did:plc:acme",
                                "acme.bsky.social",
                                URI.create("https://bsky.social"),
                                "ana",
                                T0),
                        "v1:sealed");
        assertThat(account.id()).isPositive();
        assertThat(reopen().replies().sealedCredentials(account.id())).contains("v1:sealed");
        Reply draft = new Reply(
                0,
                7,
                account.id(),
                "Hi",
                PostKey.parse("bluesky:did:plc:alice:3k1"),
                "req-1",
                "3lbcdefghijk2",
                Reply.State.SENDING,
                "ana",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0,
                CaseStatus.PENDING,
                T0,
                Optional.empty());
        ReplyStore.Recorded first = store().replies().record(draft);
        assertThat(first.created()).isTrue();
        ReplyStore.Recorded again = store().replies().record(draft);
        assertThat(again.created()).isFalse();
        assertThat(again.reply().id()).isEqualTo(first.reply().id());
        store().replies()
                .update(first.reply()
                        .sending(Optional.empty())
                        .sent(
                                new io.earshot.inbox.reply.Posted(
                                        PostKey.parse("bluesky:did:plc:acme:3lbcdefghijk2"),
                                        "at://x",
                                        Optional.of("https://bsky.app/x")),
                                T0.plusSeconds(5)));
        assertThat(reopen().replies().replies(7)).singleElement().satisfies(reply -> {
            assertThat(reply.state()).isEqualTo(Reply.State.SENT);
            assertThat(reply.uri()).contains("at://x");
            assertThat(reply.attempts()).isEqualTo(1);
        });
        assertThat(store().replies().sentBetween(T0, T0.plusSeconds(60))).hasSize(1);
        assertThat(store().replies().removeAccount(account.id())).isTrue();
        assertThat(store().replies().accounts()).isEmpty();
    }

    @Test
    void contactsAreMadePerAccountMergedSplitAndRemembered() throws Exception {
        ContactStore contacts = store().contacts();
        Contact alice = contacts.contactOf(account(Network.BLUESKY, "did:plc:alice", "alice.bsky.social"), T0);
        Contact again = contacts.contactOf(
                new Contact.Account(
                        Network.BLUESKY, "did:plc:alice", Optional.empty(), Optional.of("Alice"), OptionalLong.of(50)),
                T0.plusSeconds(60));
        assertThat(again.id()).isEqualTo(alice.id());
        assertThat(again.accounts().getFirst().handle()).contains("alice.bsky.social");
        assertThat(again.followers()).hasValue(50);
        Contact other = contacts.contactOf(account(Network.MASTODON, "alice@m.example", "alice"), T0);
        assertThat(contacts.withHandlePrefix("alice", 10))
                .extracting(Contact::id)
                .containsExactlyInAnyOrder(alice.id(), other.id());
        assertThat(contacts.addMention(
                        other.id(), new ContactStore.Mentioned(PostKey.parse("mastodon:m.example:1"), T0, -1, "bad")))
                .isTrue();
        assertThat(contacts.addMention(
                        other.id(), new ContactStore.Mentioned(PostKey.parse("mastodon:m.example:1"), T0, -1, "bad")))
                .isFalse();
        // what they said of a competitor is kept, marked as not about the brand
        contacts.addMention(
                other.id(),
                new ContactStore.Mentioned(
                        PostKey.parse("mastodon:m.example:3"), T0.minusSeconds(5), -1, "rivalco is bad", false));
        assertThat(contacts.mentions(other.id(), 10))
                .extracting(ContactStore.Mentioned::aboutBrand)
                .containsExactly(true, false);
        contacts.forget(java.util.List.of(PostKey.parse("mastodon:m.example:3")));
        contacts.setStatus(other.id(), ContactStatus.DETRACTOR, T0);
        contacts.addNote(other.id(), "ana", "call her", T0);
        contacts.recordWonBack(other.id(), 3, PostKey.parse("mastodon:m.example:2"), T0.plusSeconds(9));
        contacts.merge(alice.id(), other.id());
        ContactStore reopened = reopen().contacts();
        Contact merged = reopened.get(alice.id()).orElseThrow();
        assertThat(merged.accounts()).hasSize(2);
        assertThat(merged.wonBackAt()).contains(T0.plusSeconds(9));
        assertThat(reopened.get(other.id())).isEmpty();
        assertThat(reopened.mentions(alice.id(), 10)).hasSize(1);
        reopened.forget(java.util.List.of(PostKey.parse("mastodon:m.example:1")));
        assertThat(reopened.mentions(alice.id(), 10)).isEmpty();
        assertThat(reopened.notes(alice.id()))
                .singleElement()
                .satisfies(note -> assertThat(note.text()).isEqualTo("call her"));
        assertThat(reopened.statusAt(alice.id(), T0.plusSeconds(1))).contains(ContactStatus.DETRACTOR);
        assertThat(reopened.byAccount("mastodon:alice@m.example").map(Contact::id))
                .contains(alice.id());
        assertThat(reopened.wonBackBetween(T0, T0.plusSeconds(60)))
                .singleElement()
                .satisfies(moment -> assertThat(moment.contactId()).isEqualTo(alice.id()));
        Contact split = reopened.split(alice.id(), "mastodon:alice@m.example", T0);
        assertThat(split.accounts()).extracting(Contact.Account::key).containsExactly("mastodon:alice@m.example");
        assertThat(reopened.get(alice.id()).orElseThrow().accounts()).hasSize(1);
        reopened.update(alice.id(), Optional.of("Alice M."), Optional.of(true));
        assertThat(reopened.list(Optional.of(true), Optional.empty(), Optional.of("M."), OptionalLong.empty(), 10))
                .extracting(Contact::name)
                .containsExactly("Alice M.");
    }

    @Test
    void aContactsStatusReadsOnlyItsRecentMentionsAboutTheBrand() throws Exception {
        ContactStore contacts = store().contacts();
        Contact bob = contacts.contactOf(account(Network.BLUESKY, "did:plc:bob", "bob.bsky.social"), T0);
        Contact other = contacts.contactOf(account(Network.BLUESKY, "did:plc:carol", "carol.bsky.social"), T0);
        contacts.addMention(other.id(), mentioned("carol-1", T0, 1, true));
        // newest first: 30 brand mentions (the newest 20 negative), a competitor's between them, one too old
        for (int i = 0; i < 30; i++) {
            contacts.addMention(bob.id(), mentioned("b" + i, T0.minusSeconds(i * 60L), i < 20 ? -1 : 1, true));
            contacts.addMention(bob.id(), mentioned("r" + i, T0.minusSeconds(i * 60L + 30), 1, false));
        }
        contacts.addMention(bob.id(), mentioned("old", T0.minus(java.time.Duration.ofDays(100)), 1, true));
        assertThat(contacts.brandSentiments(bob.id(), T0.minus(java.time.Duration.ofDays(90)), 20))
                .hasSize(20)
                .containsOnly(-1);
        assertThat(contacts.brandSentiments(bob.id(), T0.minus(java.time.Duration.ofDays(90)), 100))
                .as("every brand mention in the window, none of the competitor's, not the old one")
                .hasSize(30)
                .endsWith(1, 1);
        ContactStore reopened = reopen().contacts();
        assertThat(reopened.brandSentiments(bob.id(), T0.minusSeconds(90), 100))
                .as("since a minute and a half ago: b0 and b1")
                .containsExactly(-1, -1);
        assertThat(reopened.brandSentiments(12345, T0.minusSeconds(90), 10)).isEmpty();
    }

    private static ContactStore.Mentioned mentioned(String id, Instant at, int sentiment, boolean aboutBrand) {
        return new ContactStore.Mentioned(
                PostKey.parse("bluesky:did:plc:bob:3k" + id), at, sentiment, "text " + id, aboutBrand);
    }

    private static Contact.Account account(Network network, String id, String handle) {
        return new Contact.Account(network, id, Optional.of(handle), Optional.empty(), OptionalLong.empty());
    }
}
