package io.earshot.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.query.QueryNode.AccountMention;
import io.earshot.query.QueryNode.And;
import io.earshot.query.QueryNode.Exact;
import io.earshot.query.QueryNode.FieldFilter;
import io.earshot.query.QueryNode.Fuzzy;
import io.earshot.query.QueryNode.Hashtag;
import io.earshot.query.QueryNode.Near;
import io.earshot.query.QueryNode.Not;
import io.earshot.query.QueryNode.Or;
import io.earshot.query.QueryNode.Phrase;
import io.earshot.query.QueryNode.Wildcard;
import io.earshot.query.QueryNode.Word;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParserTest {

    private static QueryNode parse(String query) {
        return QueryParser.parse(query).root();
    }

    private static Word w(String text) {
        return new Word(text);
    }

    @Test
    void aWordIsAWord() {
        assertThat(parse("apple")).isEqualTo(w("apple"));
        assertThat(parse("  Apple's  ")).isEqualTo(w("Apple's"));
    }

    @Test
    void quotesMakeAPhrase() {
        assertThat(parse("\"on  netflix\"")).isEqualTo(new Phrase(List.of("on", "netflix")));
    }

    @Test
    void adjacentTermsAreAnd() {
        assertThat(parse("trump speech")).isEqualTo(new And(List.of(w("trump"), w("speech"))));
        assertThat(parse("trump AND speech")).isEqualTo(parse("trump speech"));
        assertThat(parse("a AND b c")).isEqualTo(new And(List.of(w("a"), w("b"), w("c"))));
    }

    @Test
    void orIsLooserThanAnd() {
        assertThat(parse("a b OR c")).isEqualTo(new Or(List.of(new And(List.of(w("a"), w("b"))), w("c"))));
        assertThat(parse("a OR b c")).isEqualTo(new Or(List.of(w("a"), new And(List.of(w("b"), w("c"))))));
        assertThat(parse("a OR b OR c")).isEqualTo(new Or(List.of(w("a"), w("b"), w("c"))));
    }

    @Test
    void notBindsTighterThanAndAndOr() {
        assertThat(parse("NOT a")).isEqualTo(new Not(w("a")));
        assertThat(parse("a NOT b")).isEqualTo(new And(List.of(w("a"), new Not(w("b")))));
        assertThat(parse("a AND NOT b")).isEqualTo(parse("a NOT b"));
        assertThat(parse("NOT a OR b")).isEqualTo(new Or(List.of(new Not(w("a")), w("b"))));
        assertThat(parse("a OR NOT b c")).isEqualTo(new Or(List.of(w("a"), new And(List.of(new Not(w("b")), w("c"))))));
        assertThat(parse("NOT NOT a")).isEqualTo(new Not(new Not(w("a"))));
    }

    @Test
    void parenthesesGroup() {
        assertThat(parse("(a OR b) c")).isEqualTo(new And(List.of(new Or(List.of(w("a"), w("b"))), w("c"))));
        assertThat(parse("a NOT (b OR c)"))
                .isEqualTo(new And(List.of(w("a"), new Not(new Or(List.of(w("b"), w("c")))))));
        assertThat(parse("((a))")).isEqualTo(w("a"));
        assertThat(parse("(a b) (c d)")).isEqualTo(new And(List.of(w("a"), w("b"), w("c"), w("d"))));
    }

    @Test
    void lowerCaseOperatorsAreWordsWithAWarning() {
        ParsedQuery parsed = QueryParser.parse("apple or samsung");
        assertThat(parsed.root()).isEqualTo(new And(List.of(w("apple"), w("or"), w("samsung"))));
        assertThat(parsed.warnings()).anyMatch(warning -> warning.contains("write OR in capitals"));
    }

    @Test
    void wildcardsAndFuzzy() {
        assertThat(parse("econom*")).isEqualTo(new Wildcard("econom*"));
        assertThat(parse("wom?n")).isEqualTo(new Wildcard("wom?n"));
        assertThat(parse("colour~1")).isEqualTo(new Fuzzy("colour", 1));
        assertThat(parse("colour~2")).isEqualTo(new Fuzzy("colour", 2));
    }

    @Test
    void nearAndOnear() {
        assertThat(parse("wall NEAR/4 (mexico OR mexican)"))
                .isEqualTo(new Near(w("wall"), new Or(List.of(w("mexico"), w("mexican"))), 4, false));
        assertThat(parse("\"climate change\" ONEAR/2 hoax"))
                .isEqualTo(new Near(new Phrase(List.of("climate", "change")), w("hoax"), 2, true));
        assertThat(parse("econ* NEAR/3 crisis~1"))
                .isEqualTo(new Near(new Wildcard("econ*"), new Fuzzy("crisis", 1), 3, false));
        // NEAR binds tighter than NOT and AND
        assertThat(parse("x NOT a NEAR/3 b"))
                .isEqualTo(new And(List.of(w("x"), new Not(new Near(w("a"), w("b"), 3, false)))));
        assertThat(parse("a NEAR/2 b NEAR/5 c"))
                .isEqualTo(new Near(new Near(w("a"), w("b"), 2, false), w("c"), 5, false));
    }

    @Test
    void tagsMentionsAndFields() {
        assertThat(parse("#Earshot")).isEqualTo(new Hashtag("Earshot"));
        assertThat(parse("@alice.bsky.social")).isEqualTo(new AccountMention("alice.bsky.social"));
        assertThat(parse("author:@bob lang:en network:Bluesky"))
                .isEqualTo(new And(List.of(
                        new FieldFilter(QueryField.AUTHOR, "bob"),
                        new FieldFilter(QueryField.LANG, "en"),
                        new FieldFilter(QueryField.NETWORK, "bluesky"))));
        assertThat(parse("site:example.com")).isEqualTo(new FieldFilter(QueryField.SITE, "example.com"));
        assertThat(parse("links:https://example.com/blog?utm_source=x"))
                .isEqualTo(new FieldFilter(QueryField.LINKS, "https://example.com/blog?utm_source=x"));
        assertThat(parse("title:launch")).isEqualTo(new FieldFilter(QueryField.TITLE, "launch"));
        assertThat(parse("title:\"big launch\"")).isEqualTo(new FieldFilter(QueryField.TITLE, "big launch"));
        assertThat(parse("exact:\"Apple Watch\"")).isEqualTo(new Exact(List.of("Apple", "Watch")));
        assertThat(parse("EXACT:Apple")).isEqualTo(new Exact(List.of("Apple")));
    }

    @Test
    void aColonInsideTextIsNotAField() {
        assertThat(parse("\"foo:bar\"")).isEqualTo(new Phrase(List.of("foo:bar")));
        assertThat(parse("10:30")).isEqualTo(w("10:30"));
        assertThat(parse("https://example.com")).isEqualTo(w("https://example.com"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "``|1|the query is empty",
                "`   `|1|the query is empty",
                "(a OR b|1|unbalanced parenthesis: this '(' is never closed",
                "a OR (b c|6|unbalanced parenthesis: this '(' is never closed",
                "a OR b)|7|unbalanced parenthesis: ')' without a matching '('",
                "()|1|empty parentheses",
                "\"on netflix|1|unbalanced quote",
                "a \"\"|3|empty quotes",
                "apple OR|7|OR needs a term after it",
                "OR apple|1|OR needs a term before it",
                "apple AND OR pear|11|OR needs a term before it",
                "apple NOT|7|NOT needs a term after it",
                "(a OR) b|4|OR needs a term after it",
                "trump NEAR/x wall|7|NEAR/ needs a number, e.g. NEAR/3",
                "trump ONEAR/ wall|7|ONEAR/ needs a number, e.g. ONEAR/3",
                "trump NEAR wall|7|NEAR needs a distance, e.g. NEAR/3",
                "trump NEAR/0 wall|7|NEAR/ needs a distance from 1 to 100 words",
                "trump NEAR/101 wall|7|NEAR/ needs a distance from 1 to 100 words",
                "a NEAR/3 #tag|10|NEAR/3 works on words, phrases, wildcards and OR-groups of them, not on hashtags",
                "(a b) NEAR/3 c|1|not on AND-groups",
                "a NEAR/3 (b OR lang:en)|10|not on field filters",
                "a NEAR/3 NOT b|10|NOT cannot follow NEAR/",
                "e*|1|a wildcard needs at least 2 letters or digits",
                "*|1|a wildcard needs at least 2 letters or digits",
                "ab *c|4|a wildcard needs at least 2 letters or digits",
                "e-ma*|2|a wildcard works inside one word",
                "colour~3|7|~ needs an edit distance of 1 or 2",
                "colour~|7|~ needs an edit distance of 1 or 2",
                "ab~1|1|too short for ~1",
                "#|1|a hashtag is # and letters",
                "#foo-bar|1|a hashtag is # and letters",
                "@|1|a mention is @ and a handle",
                "apple foo:bar|7|unknown field 'foo:'; valid fields are author:, lang:, network:, site:, links:, title:, sentiment:, emotion:, exact:",
                "lang:|1|lang: needs a value, e.g. lang:en",
                "exact:|1|exact: needs a value",
                "network:myspace|9|unknown network 'myspace'",
                "lang:english|6|lang: needs a language code",
                "site:localhost|6|site: needs a web address",
                "apple -pie|7|to exclude a word write NOT pie",
                "!!!|1|'!!!' has no letters or digits",
            })
    void errorsSayWhereAndWhat(String query, int column, String reason) {
        assertThatThrownBy(() -> QueryParser.parse(query)).isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
            assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
            assertThat(e.reason()).contains(reason);
            assertThat(e.getMessage()).startsWith("column " + column + ": ");
        });
    }

    @Test
    void theNearErrorReadsLikeTheDocs() {
        assertThatThrownBy(() -> QueryParser.parse("(trump OR biden) NEAR/ wall"))
                .hasMessage("column 18: NEAR/ needs a number, e.g. NEAR/3");
    }

    @Test
    void queriesAreLimitedInLength() {
        String longest = "a".repeat(QueryParser.MAX_CHARS);
        assertThat(QueryParser.parse(longest).root()).isEqualTo(w(longest));
        assertThatThrownBy(() -> QueryParser.parse(longest + "a"))
                .isInstanceOfSatisfying(
                        QuerySyntaxException.class, e -> assertThat(e.column()).isEqualTo(4097))
                .hasMessageContaining("at most 4,096 characters, this one has 4,097");
    }

    @Test
    void queriesAreLimitedInTerms() {
        String thousand = "ab ".repeat(QueryParser.MAX_TERMS).strip();
        assertThat(QueryParser.parse(thousand).root()).isInstanceOf(And.class);
        String tooMany = thousand + " OR cd";
        assertThatThrownBy(() -> QueryParser.parse(tooMany))
                .isInstanceOfSatisfying(
                        QuerySyntaxException.class, e -> assertThat(e.column()).isEqualTo(tooMany.length() - 1))
                .hasMessageContaining("at most 1,000 terms");
    }

    @Test
    void deepNestingIsAnErrorNotACrash() {
        String deep = "(".repeat(65) + "a" + ")".repeat(65);
        assertThatThrownBy(() -> QueryParser.parse(deep)).hasMessageContaining("nested deeper than 64");
    }

    @Test
    void warnsAboutACommonWordThatMatchesAlone() {
        assertThat(QueryParser.parse("the").warnings())
                .singleElement()
                .asString()
                .contains("'the' is a very common");
        assertThat(QueryParser.parse("love OR earshot").warnings()).hasSize(1);
        assertThat(QueryParser.parse("love NOT hate").warnings()).hasSize(1);
        assertThat(QueryParser.parse("love earshot").warnings()).isEmpty();
        assertThat(QueryParser.parse("\"the who\"").warnings()).isEmpty();
        assertThat(QueryParser.parse("earshot").warnings()).isEmpty();
    }

    @Test
    void warnsAboutShortWildcardStems() {
        assertThat(QueryParser.parse("ca*").warnings())
                .singleElement()
                .asString()
                .contains("short stem");
        assertThat(QueryParser.parse("title:ca*").warnings())
                .singleElement()
                .asString()
                .contains("short stem");
        assertThat(QueryParser.parse("econ*").warnings()).isEmpty();
        assertThat(QueryParser.parse("*tion").warnings())
                .singleElement()
                .asString()
                .contains("starts with a wildcard");
    }

    @Test
    void warnsAboutLooseFuzzyWords() {
        assertThat(QueryParser.parse("cats~2").warnings())
                .singleElement()
                .asString()
                .contains("try ~1");
        assertThat(QueryParser.parse("colour~1").warnings()).isEmpty();
    }
}
