package io.earshot.query;

import io.earshot.domain.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recursive descent over {@link Token}s. Precedence, loosest first: {@code OR}, {@code AND} (also implicit,
 * between adjacent terms), {@code NOT}, then {@code NEAR/n} and {@code ONEAR/n}, which bind tightest so that
 * {@code NOT a NEAR/3 b} excludes the pair and {@code x a NEAR/3 b} requires x and the pair.
 */
final class QueryGrammar {

    private static final int MAX_DEPTH = 64;
    private static final String VALID_FIELDS = Arrays.stream(QueryField.values())
                    .map(field -> field.keyword() + ":")
                    .collect(Collectors.joining(", "))
            + ", exact:";

    private final List<Token> tokens;
    private int next;
    private int terms;
    private int depth;

    private QueryGrammar(List<Token> tokens) {
        this.tokens = tokens;
    }

    static QueryNode parse(List<Token> tokens) {
        return new QueryGrammar(tokens).query();
    }

    private QueryNode query() {
        if (peek().kind() == Token.Kind.END) {
            throw new QuerySyntaxException(1, "the query is empty: write at least one word, e.g. earshot");
        }
        QueryNode root = or();
        Token rest = peek();
        if (rest.kind() == Token.Kind.RPAREN) {
            throw new QuerySyntaxException(rest.column(), "unbalanced parenthesis: ')' without a matching '('");
        }
        if (rest.kind() != Token.Kind.END) {
            throw new QuerySyntaxException(rest.column(), "unexpected '" + rest.display() + "'");
        }
        return root;
    }

    private QueryNode or() {
        List<QueryNode> clauses = new ArrayList<>();
        clauses.add(and());
        while (peek().kind() == Token.Kind.OR) {
            expectOperandAfter(advance());
            clauses.add(and());
        }
        return clauses.size() == 1 ? clauses.get(0) : new QueryNode.Or(flatten(clauses, QueryNode.Or.class));
    }

    private QueryNode and() {
        List<QueryNode> clauses = new ArrayList<>();
        clauses.add(unary());
        while (true) {
            Token token = peek();
            if (token.kind() == Token.Kind.AND) {
                expectOperandAfter(advance());
                clauses.add(unary());
            } else if (startsOperand(token)) {
                clauses.add(unary()); // implicit AND; also "a NOT b"
            } else {
                break;
            }
        }
        return clauses.size() == 1 ? clauses.get(0) : new QueryNode.And(flatten(clauses, QueryNode.And.class));
    }

    private QueryNode unary() {
        if (peek().kind() == Token.Kind.NOT) {
            expectOperandAfter(advance());
            return new QueryNode.Not(unary());
        }
        return near();
    }

    private QueryNode near() {
        int leftColumn = peek().column();
        QueryNode left = primary();
        while (peek().kind() == Token.Kind.NEAR || peek().kind() == Token.Kind.ONEAR) {
            Token operator = advance();
            expectOperandAfter(operator);
            int rightColumn = peek().column();
            QueryNode right = primary();
            checkNearOperand(operator, left, leftColumn);
            checkNearOperand(operator, right, rightColumn);
            left = new QueryNode.Near(left, right, operator.distance(), operator.kind() == Token.Kind.ONEAR);
        }
        return left;
    }

    private QueryNode primary() {
        Token token = advance();
        return switch (token.kind()) {
            case LPAREN -> group(token);
            case WORD -> {
                countTerm(token);
                yield Terms.word(token.text(), token.column());
            }
            case PHRASE -> {
                countTerm(token);
                yield new QueryNode.Phrase(List.of(token.text().strip().split("\\s+")));
            }
            case FIELD -> {
                countTerm(token);
                yield field(token);
            }
            case NOT ->
                throw new QuerySyntaxException(
                        token.column(), "NOT cannot follow NEAR/ or ONEAR/; write (a NEAR/3 b) NOT c instead");
            case RPAREN ->
                throw new QuerySyntaxException(token.column(), "unbalanced parenthesis: ')' without a matching '('");
            case END -> throw new QuerySyntaxException(token.column(), "the query ends where a term was expected");
            case AND, OR, NEAR, ONEAR ->
                throw new QuerySyntaxException(token.column(), token.display() + " needs a term before it");
        };
    }

    private QueryNode group(Token open) {
        if (++depth > MAX_DEPTH) {
            throw new QuerySyntaxException(open.column(), "parentheses nested deeper than " + MAX_DEPTH);
        }
        if (peek().kind() == Token.Kind.RPAREN) {
            throw new QuerySyntaxException(open.column(), "empty parentheses: put a term between them");
        }
        QueryNode inside = or();
        if (peek().kind() != Token.Kind.RPAREN) {
            throw new QuerySyntaxException(open.column(), "unbalanced parenthesis: this '(' is never closed");
        }
        advance();
        depth--;
        return inside;
    }

    private QueryNode field(Token token) {
        String name = token.field().toLowerCase(Locale.ROOT);
        String value = token.text();
        int valueColumn = token.column() + token.field().length() + 1;
        if (name.equals("exact")) {
            if (value.isBlank()) {
                throw new QuerySyntaxException(token.column(), "exact: needs a value, e.g. exact:\"Apple\"");
            }
            return new QueryNode.Exact(List.of(value.strip().split("\\s+")));
        }
        QueryField field = QueryField.fromKeyword(name)
                .orElseThrow(() -> new QuerySyntaxException(
                        token.column(),
                        "unknown field '" + token.field() + ":'; valid fields are " + VALID_FIELDS
                                + " (put text with a colon in quotes)"));
        if (value.isBlank()) {
            throw new QuerySyntaxException(
                    token.column(),
                    field.keyword() + ": needs a value, e.g. " + field.keyword() + ":" + example(field));
        }
        value = value.strip();
        switch (field) {
            case AUTHOR -> value = value.startsWith("@") ? value.substring(1) : value;
            case NETWORK -> {
                try {
                    value = Network.fromId(value).id();
                } catch (IllegalArgumentException e) {
                    throw new QuerySyntaxException(valueColumn, e.getMessage());
                }
            }
            case LANG -> {
                if (!value.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*")) {
                    throw new QuerySyntaxException(
                            valueColumn, "lang: needs a language code such as en or pt-BR, got '" + value + "'");
                }
            }
            case SITE, LINKS -> {
                if (!value.contains(".") || value.contains(" ")) {
                    throw new QuerySyntaxException(
                            valueColumn,
                            field.keyword() + ": needs a web address, e.g. " + field.keyword() + ":" + example(field));
                }
            }
            case TITLE -> {
                if (!token.quoted()) {
                    Terms.checkWildcard(value, valueColumn);
                }
            }
            case SENTIMENT -> {
                value = value.toLowerCase(Locale.ROOT);
                if (!Set.of("positive", "neutral", "negative").contains(value)) {
                    throw new QuerySyntaxException(
                            valueColumn, "sentiment: is positive, neutral or negative, got '" + value + "'");
                }
            }
            case EMOTION -> {
                value = value.toLowerCase(Locale.ROOT);
                if (!Set.of("anger", "joy", "optimism", "sadness").contains(value)) {
                    throw new QuerySyntaxException(
                            valueColumn, "emotion: is anger, joy, optimism or sadness, got '" + value + "'");
                }
            }
        }
        return new QueryNode.FieldFilter(field, value);
    }

    private static String example(QueryField field) {
        return switch (field) {
            case AUTHOR -> "alice.bsky.social";
            case LANG -> "en";
            case NETWORK -> "bluesky";
            case SITE -> "example.com";
            case LINKS -> "example.com/blog";
            case TITLE -> "launch";
            case SENTIMENT -> "negative";
            case EMOTION -> "anger";
        };
    }

    private static void checkNearOperand(Token operator, QueryNode operand, int column) {
        String what = nearOperandProblem(operand);
        if (!what.isEmpty()) {
            throw new QuerySyntaxException(
                    column,
                    operator.display() + " works on words, phrases, wildcards and OR-groups of them, not on " + what);
        }
    }

    /** Empty when {@code node} may be an operand of NEAR/ONEAR, else what it is, for the error message. */
    private static String nearOperandProblem(QueryNode node) {
        return switch (node) {
            case QueryNode.Word w -> "";
            case QueryNode.Phrase p -> "";
            case QueryNode.Wildcard w -> "";
            case QueryNode.Fuzzy f -> "";
            case QueryNode.Near n -> "";
            case QueryNode.Or or ->
                or.clauses().stream()
                        .map(QueryGrammar::nearOperandProblem)
                        .filter(problem -> !problem.isEmpty())
                        .findFirst()
                        .orElse("");
            case QueryNode.And and -> "AND-groups";
            case QueryNode.Not not -> "NOT";
            case QueryNode.Hashtag tag -> "hashtags";
            case QueryNode.AccountMention mention -> "@mentions";
            case QueryNode.FieldFilter filter -> "field filters";
            case QueryNode.Exact exact -> "exact:";
        };
    }

    private void expectOperandAfter(Token operator) {
        Token token = peek();
        if (startsOperand(token)) {
            return;
        }
        if (token.isBinaryOperator()) {
            throw new QuerySyntaxException(token.column(), token.display() + " needs a term before it");
        }
        throw new QuerySyntaxException(operator.column(), operator.display() + " needs a term after it");
    }

    private static boolean startsOperand(Token token) {
        return switch (token.kind()) {
            case WORD, PHRASE, FIELD, LPAREN, NOT -> true;
            default -> false;
        };
    }

    private void countTerm(Token token) {
        if (++terms > QueryParser.MAX_TERMS) {
            throw new QuerySyntaxException(
                    token.column(),
                    "a query can have at most " + String.format(Locale.ROOT, "%,d", QueryParser.MAX_TERMS)
                            + " terms; split it into several topics");
        }
    }

    private static List<QueryNode> flatten(List<QueryNode> clauses, Class<? extends QueryNode> kind) {
        List<QueryNode> flat = new ArrayList<>();
        for (QueryNode clause : clauses) {
            if (clause instanceof QueryNode.And and && kind == QueryNode.And.class) {
                flat.addAll(and.clauses());
            } else if (clause instanceof QueryNode.Or or && kind == QueryNode.Or.class) {
                flat.addAll(or.clauses());
            } else {
                flat.add(clause);
            }
        }
        return flat;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token advance() {
        Token token = tokens.get(next);
        if (token.kind() != Token.Kind.END) {
            next++;
        }
        return token;
    }
}
