/**
 * The topic query language: what a person types to say which posts a topic is about.
 *
 * <pre>{@code
 * ParsedQuery parsed = QueryParser.parse("(apple OR \"apple watch\") NOT pie lang:en");
 * parsed.root();      // a QueryNode tree: hand it to QueryCompiler (archive) or a TopicMatcher (live)
 * parsed.warnings();  // e.g. "'the' is a very common word ..." — valid, but likely noise
 * }</pre>
 *
 * <p>A query that cannot be parsed throws {@link io.earshot.query.QuerySyntaxException}: its
 * {@code column()} is the 1-based position of the problem (in Java {@code char}s) and its message starts
 * with it, e.g. {@code column 17: NEAR/ needs a number, e.g. NEAR/3}. The HTTP API returns these as
 * {@code 400 {"error": ..., "position": column}}.
 *
 * <p>The language, loosest operator first: {@code OR}; {@code AND} (also implicit between adjacent terms:
 * {@code trump speech}); {@code NOT} ({@code a NOT b} means a and not b); {@code NEAR/n} and
 * {@code ONEAR/n}, whose operands are words, phrases, wildcards or OR-groups. Terms: words, {@code "phrases"},
 * wildcards ({@code econom*}, {@code wom?n}), fuzzy words ({@code colour~1}), {@code #tags},
 * {@code @handles}, field filters ({@code author: lang: network: site: links: title:}) and
 * {@code exact:"Case Sensitive"}. Operators are upper case; {@code or} is a word (with a warning).
 * docs/query-language.md is the user's reference, with every error and limit.
 *
 * <p>Limits: {@value io.earshot.query.QueryParser#MAX_CHARS} characters and
 * {@value io.earshot.query.QueryParser#MAX_TERMS} terms per query; parentheses nest at most 64 deep.
 */
package io.earshot.query;
