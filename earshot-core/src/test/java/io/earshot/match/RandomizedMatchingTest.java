package io.earshot.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.TopicMatch;
import io.earshot.lucene.PostAnalyzer;
import io.earshot.lucene.PostDocuments;
import io.earshot.lucene.QueryCompiler;
import io.earshot.query.QueryNode;
import io.earshot.query.QueryParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Random posts from a small vocabulary, random queries using every operator: the live matcher, archive search
 * (the same compiled query over an index of all posts) and a brute-force reference must agree exactly.
 */
class RandomizedMatchingTest {

    private static final List<String> VOCABULARY = List.of(
            "apple",
            "apples",
            "maple",
            "application",
            "café",
            "cafe",
            "coffee",
            "toffee",
            "wall",
            "mall",
            "mexico",
            "mexican",
            "trump",
            "speech",
            "netflix",
            "on",
            "economy",
            "economics",
            "colour",
            "color",
            "walls");
    private static final List<String> AUTHORS = List.of("ann", "bob", "cy");
    private static final List<String> LINKS = List.of(
            "https://www.example.com/blog/post-1?utm_source=x",
            "http://example.com/blog",
            "https://news.example.com/a?id=7&fbclid=abc",
            "https://other.org/blogger/",
            "https://example.com/blog/post-2/");
    private static final List<String> LANGS = List.of("en", "en-US", "fr", "pt-BR");

    @Test
    void compiledMatcherArchiveSearchAndReferenceAgree() throws IOException {
        for (long seed = 1; seed <= 4; seed++) {
            check(new Random(seed), 250, 250, CompiledTopicMatcher::new);
        }
    }

    @Test
    void monitorMatcherArchiveSearchAndReferenceAgree() throws IOException {
        check(new Random(7), 120, 120, MonitorTopicMatcher::new);
    }

    private static void check(Random random, int postCount, int queryCount, Supplier<TopicMatcher> newMatcher)
            throws IOException {
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < postCount; i++) {
            posts.add(randomPost(random));
        }
        List<QueryNode> queries = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < queryCount; i++) {
            String text = new QueryGenerator(random).query(3);
            texts.add(text);
            queries.add(QueryParser.parse(text).root());
        }
        Set<String> live = new HashSet<>();
        try (TopicMatcher matcher = newMatcher.get()) {
            for (int q = 0; q < queries.size(); q++) {
                matcher.put(q, queries.get(q));
            }
            for (int from = 0; from < posts.size(); from += 64) {
                List<List<TopicMatch>> result = matcher.match(posts.subList(from, Math.min(posts.size(), from + 64)));
                for (int i = 0; i < result.size(); i++) {
                    for (TopicMatch match : result.get(i)) {
                        live.add(key(from + i, (int) match.topicId()));
                    }
                }
            }
        }
        Set<String> archive = archiveSearch(posts, queries);
        ReferenceEvaluator reference = new ReferenceEvaluator();
        Set<String> expected = new HashSet<>();
        for (int p = 0; p < posts.size(); p++) {
            for (int q = 0; q < queries.size(); q++) {
                if (reference.matches(queries.get(q), posts.get(p))) {
                    expected.add(key(p, q));
                }
            }
        }
        List<String> differences = new ArrayList<>();
        for (int p = 0; p < posts.size(); p++) {
            for (int q = 0; q < queries.size(); q++) {
                String key = key(p, q);
                boolean want = expected.contains(key);
                if (live.contains(key) != want || archive.contains(key) != want) {
                    differences.add(String.format(
                            Locale.ROOT,
                            "query %s | post %s %s | reference %s live %s archive %s",
                            texts.get(q),
                            posts.get(p).text(),
                            posts.get(p).langs(),
                            want,
                            live.contains(key),
                            archive.contains(key)));
                }
            }
        }
        assertThat(differences).as("disagreements").isEmpty();
        assertThat(expected.size())
                .as("a test that matches nothing proves nothing")
                .isGreaterThan(postCount * 2);
    }

    private static Set<String> archiveSearch(List<Post> posts, List<QueryNode> queries) throws IOException {
        Set<String> found = new HashSet<>();
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(PostAnalyzer.forDocuments()))) {
                for (Post post : posts) {
                    writer.addDocument(PostDocuments.toDocument(post));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                QueryCompiler compiler = new QueryCompiler();
                for (int q = 0; q < queries.size(); q++) {
                    for (ScoreDoc hit : searcher.search(compiler.compile(queries.get(q)), posts.size() + 1).scoreDocs) {
                        found.add(key(hit.doc, q));
                    }
                }
            }
        }
        return found;
    }

    private static String key(int post, int query) {
        return post + "/" + query;
    }

    private static Post randomPost(Random random) {
        int length = 2 + random.nextInt(10);
        StringBuilder text = new StringBuilder();
        if (random.nextInt(4) == 0) {
            text.append("🎉 ");
        }
        for (int i = 0; i < length; i++) {
            String word = VOCABULARY.get(random.nextInt(VOCABULARY.size()));
            word = switch (random.nextInt(10)) {
                case 0 -> word.toUpperCase(Locale.ROOT);
                case 1 -> Character.toUpperCase(word.charAt(0)) + word.substring(1);
                case 2 -> word + "'s";
                case 3 -> "#" + word;
                case 4 -> word + ",";
                default -> word;
            };
            text.append(word).append(' ');
        }
        Network network =
                List.of(Network.BLUESKY, Network.MASTODON, Network.FEED).get(random.nextInt(3));
        String author = AUTHORS.get(random.nextInt(AUTHORS.size()));
        Post.Builder post = TestPosts.by(network, "id-" + author, "@" + author + ".example")
                .text(text.toString().strip());
        if (network == Network.FEED) {
            post.title(VOCABULARY.get(random.nextInt(VOCABULARY.size())) + " "
                    + VOCABULARY.get(random.nextInt(VOCABULARY.size())));
        }
        if (random.nextInt(3) == 0) {
            post.link(LINKS.get(random.nextInt(LINKS.size())));
        }
        if (random.nextInt(3) > 0) {
            post.lang(LANGS.get(random.nextInt(LANGS.size())));
        }
        if (random.nextInt(5) == 0) {
            post.hashtag(VOCABULARY.get(random.nextInt(VOCABULARY.size())));
        }
        return post.build();
    }

    /** Random query text over the vocabulary, with every operator. */
    private record QueryGenerator(Random random) {

        String query(int depth) {
            if (depth == 0 || random.nextInt(10) < 3) {
                return leaf();
            }
            return switch (random.nextInt(7)) {
                case 0, 1 -> "(" + query(depth - 1) + (random.nextBoolean() ? " " : " AND ") + query(depth - 1) + ")";
                case 2, 3 -> "(" + query(depth - 1) + " OR " + query(depth - 1) + ")";
                case 4 ->
                    random.nextBoolean() ? "NOT " + query(depth - 1) : query(depth - 1) + " NOT " + query(depth - 1);
                default -> near(depth);
            };
        }

        private String near(int depth) {
            String operator = (random.nextBoolean() ? "NEAR/" : "ONEAR/") + (1 + random.nextInt(4));
            String left = depth > 1 && random.nextInt(5) == 0 ? "(" + near(depth - 1) + ")" : nearOperand();
            return "(" + left + " " + operator + " " + nearOperand() + ")";
        }

        private String nearOperand() {
            return switch (random.nextInt(6)) {
                case 0 -> phrase();
                case 1 -> wildcard();
                case 2 -> "(" + word() + " OR " + word() + ")";
                case 3 -> "(" + word() + " OR " + phrase() + ")";
                case 4 -> fuzzy();
                default -> word();
            };
        }

        private String leaf() {
            return switch (random.nextInt(15)) {
                case 0, 1 -> phrase();
                case 2 -> wildcard();
                case 3 -> fuzzy();
                case 4 -> "#" + word();
                case 5 -> "lang:" + List.of("en", "fr", "pt-br", "en-us").get(random.nextInt(4));
                case 6 -> "network:" + (random.nextBoolean() ? "bluesky" : "mastodon");
                case 7 -> "exact:" + (random.nextBoolean() ? "Apple" : "\"apple Cafe\"");
                case 8 ->
                    List.of(
                                    "site:example.com",
                                    "site:news.example.com",
                                    "site:other.org",
                                    "links:example.com/blog",
                                    "links:https://example.com/blog/post-1",
                                    "links:news.example.com/a?id=7",
                                    "links:other.org/blog",
                                    "author:bob.example",
                                    "author:@cy.example",
                                    "author:id-ann",
                                    "title:" + word(),
                                    "title:" + wildcard())
                            .get(random.nextInt(12));
                default -> word();
            };
        }

        private String word() {
            String word = VOCABULARY.get(random.nextInt(VOCABULARY.size()));
            return random.nextInt(4) == 0 ? word.toUpperCase(Locale.ROOT) : word;
        }

        private String phrase() {
            return "\"" + word() + " " + word() + "\"";
        }

        private String wildcard() {
            String word = VOCABULARY.get(random.nextInt(VOCABULARY.size())).replace('é', 'e');
            if (word.length() < 4) {
                return word;
            }
            if (random.nextBoolean()) {
                return word.substring(0, 2 + random.nextInt(word.length() - 1)) + "*";
            }
            int at = random.nextInt(word.length());
            return word.substring(0, at) + "?" + word.substring(at + 1);
        }

        private String fuzzy() {
            String word = VOCABULARY.get(random.nextInt(VOCABULARY.size()));
            return word.length() >= 5 && random.nextBoolean() ? word + "~2" : word.length() >= 3 ? word + "~1" : word;
        }
    }
}
