package io.earshot.inbox.metrics;

import io.earshot.inbox.Case;
import io.earshot.inbox.CaseStore;
import io.earshot.inbox.SlaState;
import io.earshot.inbox.Team;
import io.earshot.inbox.contact.Contact;
import io.earshot.inbox.contact.ContactStatus;
import io.earshot.inbox.contact.ContactStore;
import io.earshot.inbox.reply.Reply;
import io.earshot.inbox.reply.ReplyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Results, not volume: how fast the team answers and resolves (per team and per person), how often it keeps its
 * SLAs, how many detractors it wins back, and whether people speak better of you after a reply than before (with
 * the exact sign test).
 */
public final class OutcomeMetrics {

    /** How far before and after a reply the author's mentions are compared. */
    public static final Duration SENTIMENT_WINDOW = Duration.ofDays(30);

    /** Times of one group: count, mean, median and 90th percentile, in seconds of wall-clock time. */
    public record Times(int count, long meanSeconds, long medianSeconds, long p90Seconds) {
        static Times of(List<Duration> durations) {
            if (durations.isEmpty()) {
                return new Times(0, 0, 0, 0);
            }
            long[] seconds =
                    durations.stream().mapToLong(Duration::toSeconds).sorted().toArray();
            long sum = 0;
            for (long s : seconds) {
                sum += s;
            }
            return new Times(seconds.length, sum / seconds.length, percentile(seconds, 0.5), percentile(seconds, 0.9));
        }

        private static long percentile(long[] sorted, double q) {
            int index = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    /** SLA targets met and missed (timers still running and not yet late count in neither). */
    public record Compliance(int met, int breached) {
        public Optional<Double> rate() {
            return met + breached == 0 ? Optional.empty() : Optional.of((double) met / (met + breached));
        }
    }

    /** Detractors answered in the period, and how many of them turned positive since. */
    public record WonBack(int answeredDetractors, int wonBack) {
        public Optional<Double> rate() {
            return answeredDetractors == 0 ? Optional.empty() : Optional.of((double) wonBack / answeredDetractors);
        }
    }

    /** Authors' mean sentiment in the window before their first reply of the period and after it. */
    public record SentimentShift(
            int authors,
            double meanBefore,
            double meanAfter,
            int improved,
            int worsened,
            int unchanged,
            String test,
            double pValue) {}

    /** Everything, for one period. */
    public record Report(
            Instant from,
            Instant to,
            int cases,
            Map<String, Times> firstResponseByTeam,
            Map<String, Times> firstResponseByPerson,
            Map<String, Times> resolutionByTeam,
            Map<String, Times> resolutionByPerson,
            Map<String, Compliance> slaByTeam,
            WonBack detractors,
            SentimentShift sentiment) {}

    private final CaseStore cases;
    private final ReplyStore replies;
    private final ContactStore contacts;
    private final Function<String, Optional<Team>> teams;

    public OutcomeMetrics(
            CaseStore cases, ReplyStore replies, ContactStore contacts, Function<String, Optional<Team>> teams) {
        this.cases = cases;
        this.replies = replies;
        this.contacts = contacts;
        this.teams = teams;
    }

    /** The report for cases opened and replies sent in {@code [from, to)}, read at {@code now}. */
    public Report report(Instant from, Instant to, Optional<String> team, Instant now) {
        List<Case> opened = cases.openedBetween(from, to).stream()
                .filter(c -> team.isEmpty() || c.team().equals(team))
                .toList();
        Map<String, List<Duration>> responseByTeam = new TreeMap<>();
        Map<String, List<Duration>> responseByPerson = new TreeMap<>();
        Map<String, List<Duration>> resolutionByTeam = new TreeMap<>();
        Map<String, List<Duration>> resolutionByPerson = new TreeMap<>();
        Map<String, int[]> sla = new TreeMap<>();
        for (Case c : opened) {
            String teamName = c.team().orElse("(none)");
            String person = c.assignee().orElse("(unassigned)");
            c.firstResponseAt().ifPresent(at -> {
                Duration took = Duration.between(c.openedAt(), at);
                responseByTeam.computeIfAbsent(teamName, k -> new ArrayList<>()).add(took);
                responseByPerson.computeIfAbsent(person, k -> new ArrayList<>()).add(took);
            });
            if (c.status() == io.earshot.inbox.CaseStatus.RESOLVED) {
                c.resolvedAt().ifPresent(at -> {
                    Duration took = Duration.between(c.openedAt(), at);
                    resolutionByTeam
                            .computeIfAbsent(teamName, k -> new ArrayList<>())
                            .add(took);
                    resolutionByPerson
                            .computeIfAbsent(person, k -> new ArrayList<>())
                            .add(took);
                });
            }
            SlaState state = SlaState.of(c, c.team().flatMap(teams), now);
            for (Optional<SlaState.Timer> timer : List.of(state.response(), state.resolution())) {
                timer.ifPresent(reading -> {
                    int[] counts = sla.computeIfAbsent(teamName, k -> new int[2]);
                    if (reading.breached()) {
                        counts[1]++;
                    } else if (!reading.running()) {
                        counts[0]++;
                    }
                });
            }
        }
        Map<String, Compliance> compliance = new LinkedHashMap<>();
        sla.forEach((name, counts) -> compliance.put(name, new Compliance(counts[0], counts[1])));
        List<Reply> sent = replies.sentBetween(from, to).stream()
                .filter(reply -> team.isEmpty()
                        || cases.get(reply.caseId()).flatMap(Case::team).equals(team))
                .toList();
        Map<Long, Instant> firstReplyByContact = firstReplyByContact(sent);
        return new Report(
                from,
                to,
                opened.size(),
                times(responseByTeam),
                times(responseByPerson),
                times(resolutionByTeam),
                times(resolutionByPerson),
                compliance,
                wonBack(firstReplyByContact, sent, from, now),
                sentiment(firstReplyByContact));
    }

    private Map<Long, Instant> firstReplyByContact(List<Reply> sent) {
        Map<Long, Instant> first = new LinkedHashMap<>();
        for (Reply reply : sent) {
            Optional<Contact> contact = cases.get(reply.caseId()).flatMap(c -> contacts.byAccount(c.author()));
            contact.ifPresent(
                    found -> first.putIfAbsent(found.id(), reply.sentAt().orElse(reply.requestedAt())));
        }
        return first;
    }

    private WonBack wonBack(Map<Long, Instant> firstReply, List<Reply> sent, Instant from, Instant now) {
        Set<Long> answeredDetractors = new HashSet<>();
        for (Reply reply : sent) {
            cases.get(reply.caseId())
                    .flatMap(c -> contacts.byAccount(c.author()))
                    .ifPresent(contact -> {
                        Instant at = reply.sentAt().orElse(reply.requestedAt());
                        if (contacts.statusAt(contact.id(), at)
                                .filter(ContactStatus.DETRACTOR::equals)
                                .isPresent()) {
                            answeredDetractors.add(contact.id());
                        }
                    });
        }
        Set<Long> won = new HashSet<>();
        for (ContactStore.WonBack moment : contacts.wonBackBetween(from, now.plusSeconds(1))) {
            if (answeredDetractors.contains(moment.contactId())) {
                won.add(moment.contactId());
            }
        }
        return new WonBack(answeredDetractors.size(), won.size());
    }

    private SentimentShift sentiment(Map<Long, Instant> firstReply) {
        int authors = 0;
        int improved = 0;
        int worsened = 0;
        int unchanged = 0;
        double before = 0;
        double after = 0;
        for (Map.Entry<Long, Instant> entry : firstReply.entrySet()) {
            Instant at = entry.getValue();
            Optional<Double> meanBefore =
                    mean(contacts.mentionsBetween(entry.getKey(), at.minus(SENTIMENT_WINDOW), at));
            Optional<Double> meanAfter =
                    mean(contacts.mentionsBetween(entry.getKey(), at.plusMillis(1), at.plus(SENTIMENT_WINDOW)));
            if (meanBefore.isEmpty() || meanAfter.isEmpty()) {
                continue;
            }
            authors++;
            before += meanBefore.get();
            after += meanAfter.get();
            int sign = Double.compare(meanAfter.get(), meanBefore.get());
            if (sign > 0) {
                improved++;
            } else if (sign < 0) {
                worsened++;
            } else {
                unchanged++;
            }
        }
        return new SentimentShift(
                authors,
                authors == 0 ? 0 : round(before / authors),
                authors == 0 ? 0 : round(after / authors),
                improved,
                worsened,
                unchanged,
                "exact two-sided sign test (ties dropped)",
                round(SignTest.pValue(improved, worsened)));
    }

    private static Optional<Double> mean(List<ContactStore.Mentioned> mentions) {
        return mentions.isEmpty()
                ? Optional.empty()
                : Optional.of(mentions.stream()
                        .mapToInt(ContactStore.Mentioned::sentiment)
                        .average()
                        .orElse(0));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static Map<String, Times> times(Map<String, List<Duration>> groups) {
        Map<String, Times> out = new LinkedHashMap<>();
        groups.forEach((name, durations) -> out.put(name, Times.of(durations)));
        return out;
    }
}
