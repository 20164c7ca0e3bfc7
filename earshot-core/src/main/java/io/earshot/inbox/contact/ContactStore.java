package io.earshot.inbox.contact;

import io.earshot.domain.PostKey;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * People, their accounts, what they said (sentiment over time), notes, status changes and won-back moments.
 * Implementations run {@code ContactStoreContract} from the testkit.
 */
public interface ContactStore {

    /** The contact who owns this account, made (one account, named after it) when there is none; keeps what is known of the account fresh. */
    Contact contactOf(Contact.Account account, Instant seenAt);

    Optional<Contact> get(long id);

    /** The contact that holds an account ({@code network:id}). */
    Optional<Contact> byAccount(String accountKey);

    /** Contacts, most recently seen first, optionally only VIPs, one status, or matching a name or handle. */
    List<Contact> list(
            Optional<Boolean> vip,
            Optional<ContactStatus> status,
            Optional<String> search,
            OptionalLong before,
            int limit);

    /** Contacts with an account whose handle or display name starts with {@code prefix} (case-insensitive). */
    List<Contact> withHandlePrefix(String prefix, int limit);

    /** Remembers a mention by a contact; false when it was known (a replay or an edit updates its sentiment). */
    boolean addMention(long contactId, Mentioned mention);

    /** Forgets deleted posts from every contact's history. */
    void forget(Collection<PostKey> posts);

    /** A contact's mentions, newest first. */
    List<Mentioned> mentions(long contactId, int limit);

    /**
     * The sentiments of a contact's newest mentions about the brand made at or after {@code since}, newest
     * first, at most {@code limit}: what its status is computed from.
     */
    List<Integer> brandSentiments(long contactId, Instant since, int limit);

    /** The mentions of several accounts' contacts in a window, oldest first (for outcome metrics). */
    List<Mentioned> mentionsBetween(long contactId, Instant from, Instant to);

    void setStatus(long contactId, ContactStatus status, Instant at);

    /** The status a contact had at an instant (empty before it was first seen). */
    Optional<ContactStatus> statusAt(long contactId, Instant at);

    void update(long contactId, Optional<String> name, Optional<Boolean> vip);

    long addNote(long contactId, String author, String text, Instant at);

    List<Note> notes(long contactId);

    void recordWonBack(long contactId, long caseId, PostKey post, Instant at);

    List<WonBack> wonBackBetween(Instant from, Instant to);

    /**
     * Merges {@code from} into {@code into}: accounts, mentions, notes, won-back moments; {@code from} is gone
     * after. VIP is kept if either was.
     */
    void merge(long into, long from);

    /** Moves one account out of a contact into a new contact of its own; returns the new contact. */
    Contact split(long contactId, String accountKey, Instant at);

    /**
     * A mention as a contact's history keeps it: sentiment -1, 0, +1.
     *
     * @param aboutBrand whether it speaks of your brand (see {@link ContactService}): only those make a person an
     *     advocate or a detractor; what they say of competitors stays in their history but not in their status
     */
    record Mentioned(PostKey post, Instant at, int sentiment, String text, boolean aboutBrand) {

        /** A mention about the brand. */
        public Mentioned(PostKey post, Instant at, int sentiment, String text) {
            this(post, at, sentiment, text, true);
        }
    }

    /** A private note about a person. */
    record Note(long id, long contactId, String author, String text, Instant at) {}

    /** The moment a detractor turned positive after being answered. */
    record WonBack(long contactId, long caseId, PostKey post, Instant at) {}
}
