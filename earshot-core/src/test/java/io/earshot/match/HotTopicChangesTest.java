package io.earshot.match;

import static io.earshot.match.TestPosts.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.Post;
import io.earshot.domain.TopicMatch;
import io.earshot.query.QueryParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Topics change while another thread matches: nothing stable is missed, and changes show up at once. */
class HotTopicChangesTest {

    static Stream<Supplier<TopicMatcher>> matchers() {
        return Stream.of(MonitorTopicMatcher::new, CompiledTopicMatcher::new);
    }

    @ParameterizedTest
    @MethodSource("matchers")
    void putReplaceAndRemoveWhileAnotherThreadMatches(Supplier<TopicMatcher> newMatcher) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (TopicMatcher matcher = newMatcher.get()) {
            matcher.put(0, QueryParser.parse("stable").root());
            List<Post> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batch.add(text("a stable post about topic" + i + " and more"));
            }
            AtomicBoolean running = new AtomicBoolean(true);
            Future<Integer> matching = pool.submit(() -> {
                int rounds = 0;
                while (running.get() || rounds < 5) {
                    for (List<TopicMatch> forPost : matcher.match(batch)) {
                        // the stable topic is never lost while others change around it
                        assertThat(forPost).extracting(TopicMatch::topicId).contains(0L);
                    }
                    rounds++;
                }
                return rounds;
            });
            for (int round = 0; round < 100; round++) {
                long id = 1 + round % 20;
                matcher.put(id, QueryParser.parse("topic" + (round % 50)).root());
                List<TopicMatch> seen =
                        matcher.match(List.of(text("topic" + (round % 50)))).get(0);
                assertThat(seen).extracting(TopicMatch::topicId).contains(id);
                if (round % 3 == 0) {
                    matcher.remove(id);
                    assertThat(matcher.match(List.of(text("topic" + (round % 50))))
                                    .get(0))
                            .extracting(TopicMatch::topicId)
                            .doesNotContain(id);
                }
            }
            running.set(false);
            assertThat(matching.get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }
}
