package io.earshot.inbox;

import io.earshot.domain.PostKey;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where cases, their threads and their histories are kept. A case and each change to it are stored with the
 * history line that explains it, in one transaction. Implementations run {@code CaseStoreContract} from the
 * testkit.
 */
public interface CaseStore {

    /**
     * Opens a case for its first message, with the history lines that go with it; when a case already holds
     * that post (a replay), returns that case and stores nothing.
     */
    Case create(Case draft, CaseMessage first, List<CaseEvent> events);

    /** Stores a case's new state with the history lines that explain it. */
    void update(Case changed, List<CaseEvent> events);

    /**
     * Forgets the text of deleted posts: their messages stay in their threads (so replies to them still find
     * their case) with empty text, and the history lines that quoted them lose the quote.
     */
    void forget(Collection<PostKey> posts);

    /** Appends history lines (each names its case) without changing any case. */
    void log(List<CaseEvent> events);

    /**
     * Adds a post to a case's thread; false when the post was there already (a replay, or an edit: then its text
     * and sentiment are brought up to date).
     */
    boolean addMessage(CaseMessage message);

    Optional<Case> get(long id);

    /** The case whose thread holds any of these posts (a root, a parent, the post itself), the newest first. */
    Optional<Case> caseOfThread(Collection<PostKey> posts);

    /** The thread, oldest first. */
    List<CaseMessage> messages(long caseId);

    /** The history, oldest first. */
    List<CaseEvent> events(long caseId);

    /** A page of cases, newest first. */
    List<Case> list(CaseQuery query);

    /** Cases opened in {@code [from, to)}, oldest first (for outcome metrics). */
    List<Case> openedBetween(Instant from, Instant to);

    /** How many active (not resolved) cases each of these users holds; users with none are 0. */
    Map<String, Integer> activeCounts(Collection<String> users);

    /** History lines of one type in {@code [from, to)}, oldest first. */
    List<CaseEvent> eventsOfType(CaseEvent.Type type, Instant from, Instant to);
}
