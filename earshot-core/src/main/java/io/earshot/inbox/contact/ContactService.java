package io.earshot.inbox.contact;

import io.earshot.domain.Author;
import io.earshot.domain.Mention;
import io.earshot.domain.Post;
import io.earshot.inbox.Case;
import io.earshot.inbox.CaseIntake;
import io.earshot.inbox.CaseQuery;
import io.earshot.inbox.CaseStore;
import io.earshot.project.Project;
import io.earshot.project.ProjectStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Remembers people: every inbound mention lands in its author's contact, their status follows the sentiment of
 * their recent mentions about your brand, and the moment a detractor who was answered says something positive about
 * it is recorded as won back. Merging accounts into one person is done by hand, helped by {@link #suggestions}.
 *
 * <p>"About your brand" means: a mention of a project's brand topic, or a message in one of your cases' threads
 * that matched no topic (an answer in a conversation with your team). Someone who hates a competitor is not your
 * detractor. With no project defined, every topic counts.
 */
public final class ContactService implements CaseIntake.Heard {

    /** How far back a status looks, and how many mentions at most. */
    static final Duration WINDOW = Duration.ofDays(90);

    static final int RECENT = 20;

    /** Mean sentiment at or above this makes an advocate; at or below its negation, a detractor. */
    static final double THRESHOLD = 0.25;

    /** Thrown for an unknown contact id. */
    public static final class NoSuchContactException extends RuntimeException {
        public NoSuchContactException(long id) {
            super("no contact " + id);
        }
    }

    private final ContactStore store;
    private final CaseStore cases;
    private final ProjectStore projects;
    private final Clock clock;

    public ContactService(ContactStore store, CaseStore cases, ProjectStore projects, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.projects = projects;
        this.clock = clock;
    }

    @Override
    public void heard(Mention mention, Optional<Case> inCase) {
        Post post = mention.post();
        Author author = post.author();
        Contact contact = store.contactOf(
                new Contact.Account(
                        author.network(), author.id(), author.handle(), author.displayName(), author.followers()),
                post.createdAt());
        int sentiment = mention.sentiment().map(CaseIntake::score).orElse(0);
        boolean aboutBrand = aboutBrand(mention.topicIds(), inCase.isPresent(), brandTopics());
        store.addMention(
                contact.id(),
                new ContactStore.Mentioned(post.key(), post.createdAt(), sentiment, post.text(), aboutBrand));
        ContactStatus before = contact.status();
        ContactStatus after =
                status(store.brandSentiments(contact.id(), post.createdAt().minus(WINDOW), RECENT));
        boolean countedThisTime = contact.wonBackAt()
                .filter(wonBack -> !wonBack.isBefore(contact.statusSince()))
                .isPresent();
        if (before == ContactStatus.DETRACTOR && aboutBrand && sentiment > 0 && !countedThisTime) {
            answeredCase(contact, post.createdAt()).ifPresent(answered -> {
                store.recordWonBack(contact.id(), answered.id(), post.key(), post.createdAt());
            });
        }
        if (after != before) {
            store.setStatus(contact.id(), after, post.createdAt());
        }
    }

    @Override
    public void forget(List<io.earshot.domain.PostKey> posts) {
        store.forget(posts);
    }

    /** The brand topics of every project; empty when no project says which topics are the brand's. */
    private Set<Long> brandTopics() {
        return projects.list().stream()
                .map(Project::brand)
                .flatMap(List::stream)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether a mention counts towards a person's status: it matched a brand topic, or it is a message of a case's
     * thread that matched no topic at all (a reply in a conversation with your team). Without brand topics (no
     * project) every mention counts.
     */
    static boolean aboutBrand(List<Long> topics, boolean inCase, Set<Long> brandTopics) {
        if (brandTopics.isEmpty()) {
            return true;
        }
        if (topics.isEmpty()) {
            return inCase;
        }
        return topics.stream().anyMatch(brandTopics::contains);
    }

    /**
     * The status recent mentions about the brand give: mean sentiment over the last {@link #RECENT} of them within
     * {@link #WINDOW} (newest first, as {@link ContactStore#brandSentiments} gives them).
     */
    static ContactStatus status(List<Integer> brandSentiments) {
        if (brandSentiments.isEmpty()) {
            return ContactStatus.NEUTRAL;
        }
        double mean =
                brandSentiments.stream().mapToInt(Integer::intValue).average().orElse(0);
        return mean >= THRESHOLD
                ? ContactStatus.ADVOCATE
                : mean <= -THRESHOLD ? ContactStatus.DETRACTOR : ContactStatus.NEUTRAL;
    }

    /** A case of theirs the team answered before {@code at}: the one the won-back moment is credited to. */
    private Optional<Case> answeredCase(Contact contact, Instant at) {
        for (Contact.Account account : contact.accounts()) {
            for (Case c : cases.list(CaseQuery.all(100).withAuthor(account.key()))) {
                if (c.firstResponseAt()
                        .filter(responded -> responded.isBefore(at))
                        .isPresent()) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    public Contact get(long id) {
        return store.get(id).orElseThrow(() -> new NoSuchContactException(id));
    }

    public Optional<Contact> byAccount(String accountKey) {
        return store.byAccount(accountKey);
    }

    public List<Contact> list(
            Optional<Boolean> vip,
            Optional<ContactStatus> status,
            Optional<String> search,
            OptionalLong before,
            int limit) {
        return store.list(vip, status, search, before, limit);
    }

    public List<ContactStore.Mentioned> mentions(long id, int limit) {
        return store.mentions(get(id).id(), limit);
    }

    /** A contact's cases, across their accounts, newest first. */
    public List<Case> cases(long id) {
        List<Case> found = new ArrayList<>();
        for (Contact.Account account : get(id).accounts()) {
            found.addAll(cases.list(CaseQuery.all(200).withAuthor(account.key())));
        }
        found.sort((a, b) -> Long.compare(b.id(), a.id()));
        return found;
    }

    /** Mean sentiment per calendar month (UTC), oldest first: the trajectory the contact page draws. */
    public Map<String, Double> sentimentByMonth(long id) {
        List<ContactStore.Mentioned> mentions = new ArrayList<>(store.mentions(get(id).id(), 10_000));
        mentions.sort((a, b) -> a.at().compareTo(b.at()));
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (ContactStore.Mentioned mentioned : mentions) {
            String month = mentioned.at().toString().substring(0, 7);
            double[] sum = sums.computeIfAbsent(month, m -> new double[2]);
            sum[0] += mentioned.sentiment();
            sum[1]++;
        }
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((month, sum) -> means.put(month, Math.round(sum[0] / sum[1] * 1000) / 1000.0));
        return means;
    }

    public void update(long id, Optional<String> name, Optional<Boolean> vip) {
        store.update(get(id).id(), name, vip);
    }

    public long note(long id, String actor, String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("a note needs some \"text\"");
        }
        return store.addNote(get(id).id(), actor, text.strip(), clock.instant());
    }

    public List<ContactStore.Note> notes(long id) {
        return store.notes(get(id).id());
    }

    /** Merges {@code other} into {@code id}; the status is recomputed from the merged history. */
    public Contact merge(long id, long other) {
        if (id == other) {
            throw new IllegalArgumentException("a contact cannot be merged with itself");
        }
        get(id);
        get(other);
        store.merge(id, other);
        Instant now = clock.instant();
        ContactStatus status = status(store.brandSentiments(id, now.minus(WINDOW), RECENT));
        if (status != get(id).status()) {
            store.setStatus(id, status, now);
        }
        return get(id);
    }

    public Contact split(long id, String accountKey) {
        Contact contact = get(id);
        if (contact.accounts().stream().noneMatch(account -> account.key().equals(accountKey))) {
            throw new IllegalArgumentException("contact " + id + " has no account " + accountKey);
        }
        if (contact.accounts().size() == 1) {
            throw new IllegalArgumentException("contact " + id + " has only this account; nothing to split");
        }
        return store.split(id, accountKey, clock.instant());
    }

    /**
     * Other contacts who may be the same person: an account with the same handle stem on another network
     * ({@code alice.bsky.social} and {@code alice@mastodon.social}) or the same display name.
     */
    public List<Contact> suggestions(long id) {
        Contact contact = get(id);
        Map<Long, Contact> found = new LinkedHashMap<>();
        for (Contact.Account account : contact.accounts()) {
            List<String> stems = new ArrayList<>();
            account.handle()
                    .map(ContactService::stem)
                    .filter(stem -> stem.length() >= 3)
                    .ifPresent(stems::add);
            account.displayName()
                    .map(name -> name.strip().toLowerCase(Locale.ROOT))
                    .filter(name -> name.length() >= 3)
                    .ifPresent(stems::add);
            for (String stem : stems) {
                for (Contact candidate : store.withHandlePrefix(stem, 20)) {
                    if (candidate.id() != id && alike(contact, candidate, stem)) {
                        found.putIfAbsent(candidate.id(), candidate);
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }

    private static boolean alike(Contact contact, Contact candidate, String stem) {
        return candidate.accounts().stream()
                .anyMatch(account -> account.handle()
                                .map(ContactService::stem)
                                .filter(stem::equals)
                                .isPresent()
                        || account.displayName()
                                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                                .filter(stem::equals)
                                .isPresent());
    }

    /** The part of a handle a person picks: {@code alice} of {@code alice.bsky.social} or {@code @alice@example.org}. */
    static String stem(String handle) {
        String plain = handle.strip().toLowerCase(Locale.ROOT);
        plain = plain.startsWith("@") ? plain.substring(1) : plain;
        int at = plain.indexOf('@');
        int dot = plain.indexOf('.');
        int end = at > 0 ? at : dot > 0 ? dot : plain.length();
        return plain.substring(0, end);
    }
}
