package io.earshot.alert;

import io.earshot.domain.Mention;
import io.earshot.domain.Post;
import io.earshot.domain.TopicMatch;
import io.earshot.match.CompiledTopicMatcher;
import io.earshot.match.TopicMatcher;
import io.earshot.query.ParsedQuery;
import io.earshot.query.QueryField;
import io.earshot.query.QueryNode;
import io.earshot.query.QueryParser;
import io.earshot.query.QuerySyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules' extra queries ({@code "filter"}), all in one matcher keyed by rule id, so a batch of mentions is
 * matched against every rule's filter in one pass, the way topics are.
 */
final class RuleFilters implements AutoCloseable {

    private final TopicMatcher matcher = new CompiledTopicMatcher();
    private final Set<Long> withFilter = new HashSet<>();

    /**
     * Parses a rule's filter. {@code sentiment:} and {@code emotion:} are refused: the rule's
     * {@code "sentiment"} and {@code "emotion"} filters say that.
     *
     * @throws QuerySyntaxException with the column of the problem
     */
    static ParsedQuery parse(String filter) {
        ParsedQuery parsed = QueryParser.parse(filter);
        for (QueryField field : List.of(QueryField.values())) {
            if (field.heard() && mentions(parsed.root(), field)) {
                int at = filter.toLowerCase(Locale.ROOT).indexOf(field.keyword() + ":");
                throw new QuerySyntaxException(
                        Math.max(0, at) + 1,
                        field.keyword() + ": is not allowed in a rule's filter; use the rule's \"" + field.keyword()
                                + "\" filter, e.g. \"" + field.keyword() + "\": [\"negative\"]");
            }
        }
        return parsed;
    }

    void put(long ruleId, String filter) {
        matcher.put(ruleId, parse(filter).root());
        withFilter.add(ruleId);
    }

    void remove(long ruleId) {
        if (withFilter.remove(ruleId)) {
            matcher.remove(ruleId);
        }
    }

    /** For each mention, the ids of the rules whose filter it matches (rules without a filter are not listed). */
    List<Set<Long>> match(List<Mention> mentions) {
        if (withFilter.isEmpty()) {
            return mentions.stream().map(mention -> Set.<Long>of()).toList();
        }
        List<Post> posts = mentions.stream().map(Mention::post).toList();
        return matcher.match(posts).stream()
                .map(matches ->
                        Set.copyOf(matches.stream().map(TopicMatch::topicId).toList()))
                .toList();
    }

    boolean hasFilter(long ruleId) {
        return withFilter.contains(ruleId);
    }

    private static boolean mentions(QueryNode node, QueryField field) {
        return switch (node) {
            case QueryNode.FieldFilter filter -> filter.field() == field;
            case QueryNode.And and -> and.clauses().stream().anyMatch(clause -> mentions(clause, field));
            case QueryNode.Or or -> or.clauses().stream().anyMatch(clause -> mentions(clause, field));
            case QueryNode.Not not -> mentions(not.clause(), field);
            case QueryNode.Near near -> mentions(near.left(), field) || mentions(near.right(), field);
            default -> false;
        };
    }

    @Override
    public void close() {
        matcher.close();
    }
}
