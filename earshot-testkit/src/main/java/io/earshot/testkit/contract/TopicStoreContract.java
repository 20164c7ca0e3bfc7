package io.earshot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.topic.Topic;
import io.earshot.topic.TopicStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TopicStore}. Extend it and implement {@link #open}. Times are compared to the
 * millisecond: stores keep at least that precision.
 */
public abstract class TopicStoreContract extends StoreContract<TopicStore> {

    @Test
    void createAssignsIdsAndTimes() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Topic apple = store().create("Apple", "apple OR iphone");
        Topic pear = store().create("Pear", "pear");
        Instant after = Instant.now().plusMillis(1);

        assertThat(pear.id()).isGreaterThan(apple.id());
        assertThat(apple.name()).isEqualTo("Apple");
        assertThat(apple.query()).isEqualTo("apple OR iphone");
        assertThat(apple.createdAt()).isBetween(before, after);
        assertThat(apple.updatedAt()).isEqualTo(apple.createdAt());
        assertThat(store().get(apple.id())).contains(apple);
    }

    @Test
    void listIsOrderedById() {
        Topic first = store().create("b", "b");
        Topic second = store().create("a", "a");
        Topic third = store().create("c", "c");
        assertThat(store().list()).containsExactly(first, second, third);
    }

    @Test
    void emptyStoreHasNoTopics() {
        assertThat(store().list()).isEmpty();
        assertThat(store().get(1)).isEmpty();
    }

    @Test
    void updateReplacesNameAndQueryAndKeepsCreationTime() throws InterruptedException {
        Topic topic = store().create("Old", "old");
        Thread.sleep(2);
        Topic updated = store().update(topic.id(), "New", "new AND query").orElseThrow();

        assertThat(updated.id()).isEqualTo(topic.id());
        assertThat(updated.name()).isEqualTo("New");
        assertThat(updated.query()).isEqualTo("new AND query");
        assertThat(updated.createdAt()).isEqualTo(topic.createdAt());
        assertThat(updated.updatedAt()).isAfter(topic.updatedAt());
        assertThat(store().get(topic.id())).contains(updated);
    }

    @Test
    void updateOfAnUnknownTopicIsEmpty() {
        assertThat(store().update(42, "x", "x")).isEmpty();
        assertThat(store().list()).isEmpty();
    }

    @Test
    void deleteRemovesTheTopic() {
        Topic topic = store().create("Gone", "gone");
        Topic kept = store().create("Kept", "kept");
        assertThat(store().delete(topic.id())).isTrue();
        assertThat(store().delete(topic.id())).isFalse();
        assertThat(store().get(topic.id())).isEmpty();
        assertThat(store().list()).containsExactly(kept);
    }

    @Test
    void idsAreNeverReusedBecauseArchivedMentionsReferToThem() throws Exception {
        store().create("one", "one");
        Topic last = store().create("two", "two");
        store().delete(last.id());
        assertThat(store().create("three", "three").id()).isGreaterThan(last.id());
        Topic newest = store().create("four", "four");
        store().delete(newest.id());
        reopen();
        assertThat(store().create("five", "five").id()).isGreaterThan(newest.id());
    }

    @Test
    void blankNamesAreRejectedAndNothingIsStored() {
        assertThatThrownBy(() -> store().create(" ", "q")).isInstanceOf(IllegalArgumentException.class);
        Topic topic = store().create("ok", "q");
        assertThatThrownBy(() -> store().update(topic.id(), "", "q")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store().list()).containsExactly(topic);
    }

    @Test
    void queriesAreStoredAsWritten() {
        String query = "\"new phone\" AND -#ad lang:en  (café OR 🍰) ' ; DROP TABLE topics; --";
        Topic topic = store().create("Odd ' name", query);
        assertThat(store().get(topic.id()).orElseThrow().query()).isEqualTo(query);
        assertThat(store().get(topic.id()).orElseThrow().name()).isEqualTo("Odd ' name");
    }

    @Test
    void topicsSurviveReopen() throws Exception {
        Topic topic = store().create("Durable", "durable");
        Topic updated = store().update(store().create("Edited", "v1").id(), "Edited", "v2")
                .orElseThrow();
        reopen();
        assertThat(store().list()).containsExactly(topic, updated);
    }
}
