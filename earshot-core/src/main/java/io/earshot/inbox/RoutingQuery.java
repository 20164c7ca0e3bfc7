package io.earshot.inbox;

import io.earshot.enrich.emotion.EmotionLabel;
import io.earshot.enrich.sentiment.SentimentLabel;
import io.earshot.query.QueryField;
import io.earshot.query.QueryNode;
import io.earshot.query.QueryParser;
import io.earshot.query.QuerySyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A routing rule's {@code when}: the topic language plus what is known only once a post is heard
 * ({@code sentiment:}, {@code emotion:}), the author's audience ({@code followers:>N}) and two shortcuts,
 * {@code is:question} and {@code is:complaint}.
 *
 * <p>{@code followers:} and {@code is:} are not part of the topic language (topics and the archive do not know
 * them), so they are lifted out before parsing and replaced by marker words of the same length (error columns
 * stay right); the parsed tree is then split into text parts, matched in one batch by the router, and checks on
 * the mention.
 */
public final class RoutingQuery {

    private static final Pattern EXTRA =
            Pattern.compile("(?<![^\\s(])(followers|is):(\\S*?)(?=[\\s)]|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FOLLOWERS = Pattern.compile("(>=|<=|>|<)?(\\d+)([km]?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKER = Pattern.compile("qqc(\\d+)q*");

    private RoutingQuery() {}

    /** A compiled {@code when}: its condition and the text parts the condition refers to by id. */
    record Compiled(Condition condition, Map<Long, QueryNode> textParts) {}

    /**
     * Checks a {@code when}; throws what {@link #compile} throws.
     *
     * @throws QuerySyntaxException with the column of the problem
     */
    public static void check(String when) {
        long[] next = {0};
        compile(when, () -> next[0]++);
    }

    /** Compiles {@code when}; an empty one always holds. Text parts get ids from {@code ids}. */
    static Compiled compile(String when, LongSupplier ids) {
        if (when.isBlank()) {
            return new Compiled(new Condition.Always(), Map.of());
        }
        List<Condition> extras = new ArrayList<>();
        StringBuilder rewritten = new StringBuilder();
        Matcher matcher = EXTRA.matcher(when);
        while (matcher.find()) {
            extras.add(extra(matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2), matcher.start(2) + 1));
            String marker = "qqc" + (extras.size() - 1);
            int length = matcher.end() - matcher.start();
            matcher.appendReplacement(rewritten, marker + "q".repeat(Math.max(0, length - marker.length())));
        }
        matcher.appendTail(rewritten);
        QueryNode root = QueryParser.parse(rewritten.toString()).root();
        Map<Long, QueryNode> parts = new java.util.LinkedHashMap<>();
        Condition condition = new Splitter(extras, ids, parts).split(root);
        return new Compiled(condition, Map.copyOf(parts));
    }

    private static Condition extra(String field, String value, int column) {
        if (field.equals("is")) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "question" -> new Condition.IsQuestion();
                case "complaint" -> new Condition.IsComplaint();
                default -> throw new QuerySyntaxException(column, "is: is question or complaint, got '" + value + "'");
            };
        }
        Matcher number = FOLLOWERS.matcher(value);
        if (!number.matches()) {
            throw new QuerySyntaxException(
                    column,
                    "followers: needs a number with an optional comparison, e.g. followers:>10000 or"
                            + " followers:>=5k, got '" + value + "'");
        }
        long count = Long.parseLong(number.group(2));
        String unit = number.group(3).toLowerCase(Locale.ROOT);
        count *= unit.equals("k") ? 1_000 : unit.equals("m") ? 1_000_000 : 1;
        return new Condition.Followers(number.group(1) == null ? ">=" : number.group(1), count);
    }

    /** Splits a parsed tree into checks on the mention and the largest pure-text parts. */
    private record Splitter(List<Condition> extras, LongSupplier ids, Map<Long, QueryNode> parts) {

        Condition split(QueryNode node) {
            if (pure(node)) {
                long id = ids.getAsLong();
                parts.put(id, node);
                return new Condition.Text(id);
            }
            return switch (node) {
                case QueryNode.And and ->
                    new Condition.All(and.clauses().stream().map(this::split).toList());
                case QueryNode.Or or ->
                    new Condition.Any(or.clauses().stream().map(this::split).toList());
                case QueryNode.Not not -> new Condition.Not(split(not.clause()));
                case QueryNode.FieldFilter filter
                when filter.field() == QueryField.SENTIMENT ->
                    new Condition.SentimentIs(SentimentLabel.fromId(filter.value()));
                case QueryNode.FieldFilter filter
                when filter.field() == QueryField.EMOTION ->
                    new Condition.EmotionIs(EmotionLabel.fromId(filter.value()));
                case QueryNode.Word word -> extras.get(markerIndex(word).orElseThrow());
                default -> throw new IllegalStateException("not splittable: " + node);
            };
        }

        private boolean pure(QueryNode node) {
            return switch (node) {
                case QueryNode.And and -> and.clauses().stream().allMatch(this::pure);
                case QueryNode.Or or -> or.clauses().stream().allMatch(this::pure);
                // a lone negation is not matched on its own: it is the negation of a text part
                case QueryNode.Not not -> false;
                case QueryNode.FieldFilter filter -> !filter.field().heard();
                case QueryNode.Word word -> markerIndex(word).isEmpty();
                default -> true;
            };
        }

        private java.util.Optional<Integer> markerIndex(QueryNode.Word word) {
            Matcher marker = MARKER.matcher(word.text().toLowerCase(Locale.ROOT));
            if (!marker.matches()) {
                return java.util.Optional.empty();
            }
            int index = Integer.parseInt(marker.group(1));
            return index < extras.size() ? java.util.Optional.of(index) : java.util.Optional.empty();
        }
    }
}
