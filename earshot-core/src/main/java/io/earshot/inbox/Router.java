package io.earshot.inbox;

import io.earshot.domain.Mention;
import io.earshot.domain.Post;
import io.earshot.domain.TopicMatch;
import io.earshot.match.CompiledTopicMatcher;
import io.earshot.match.TopicMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides where new cases go: the ordered routing rules, applied first-match or all-matches. The rules' text
 * parts share one matcher, so a batch of mentions is matched against every rule in one pass. Replaced as a
 * whole when rules change ({@link #replace}); safe to call from one thread at a time.
 */
public final class Router implements AutoCloseable {

    private record Compiled(RoutingRule rule, Condition condition) {}

    /** Which rules matched a mention, and what they decided together. */
    public record Decision(List<RoutingRule> rules, RoutingAction action) {
        public static final Decision NONE = new Decision(
                List.of(), new RoutingAction(Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), false));

        public Decision {
            rules = List.copyOf(rules);
        }

        public boolean matched() {
            return !rules.isEmpty();
        }
    }

    private TopicMatcher matcher = new CompiledTopicMatcher();
    private List<Compiled> rules = List.of();
    private RoutingMode mode = RoutingMode.FIRST;

    /** Takes a new rule set (any order: sorted by position) and mode. */
    public void replace(List<RoutingRule> newRules, RoutingMode newMode) {
        TopicMatcher fresh = new CompiledTopicMatcher();
        long[] next = {0};
        List<Compiled> compiled = new ArrayList<>();
        for (RoutingRule rule : newRules.stream()
                .sorted(Comparator.comparingInt(RoutingRule::position))
                .toList()) {
            RoutingQuery.Compiled when = RoutingQuery.compile(rule.when(), () -> next[0]++);
            when.textParts().forEach(fresh::put);
            compiled.add(new Compiled(rule, when.condition()));
        }
        TopicMatcher old = matcher;
        matcher = fresh;
        rules = List.copyOf(compiled);
        mode = newMode;
        old.close();
    }

    /** For each mention, in order, the decision of the rules. */
    public List<Decision> decide(List<Mention> mentions) {
        if (rules.isEmpty() || mentions.isEmpty()) {
            return mentions.stream().map(m -> Decision.NONE).toList();
        }
        List<Post> posts = mentions.stream().map(Mention::post).toList();
        List<List<TopicMatch>> hits = matcher.match(posts);
        List<Decision> decisions = new ArrayList<>(mentions.size());
        for (int i = 0; i < mentions.size(); i++) {
            Mention mention = mentions.get(i);
            Set<Long> textHits = hits.get(i).stream().map(TopicMatch::topicId).collect(Collectors.toSet());
            List<RoutingRule> matched = new ArrayList<>();
            for (Compiled compiled : rules) {
                RoutingRule rule = compiled.rule();
                boolean inTopics =
                        rule.topics().isEmpty() || mention.topicIds().stream().anyMatch(rule.topics()::contains);
                if (inTopics && compiled.condition().test(mention, textHits)) {
                    matched.add(rule);
                    if (mode == RoutingMode.FIRST) {
                        break;
                    }
                }
            }
            decisions.add(
                    matched.isEmpty()
                            ? Decision.NONE
                            : new Decision(
                                    matched,
                                    RoutingAction.merge(matched.stream()
                                            .map(RoutingRule::then)
                                            .toList())));
        }
        return decisions;
    }

    @Override
    public void close() {
        matcher.close();
    }
}
