package io.earshot.topic;

import java.util.List;
import java.util.Optional;

/**
 * Where topics live (SQLite in the embedded home, PostgreSQL later). Implementations run
 * {@code TopicStoreContract} from the testkit. Queries are stored as written; validating them is the
 * caller's job ({@link TopicService}).
 */
public interface TopicStore {

    /** Stores a new topic and returns it with its id and timestamps. */
    Topic create(String name, String query);

    /** All topics, ordered by id. */
    List<Topic> list();

    Optional<Topic> get(long id);

    /** Replaces name and query; empty when there is no such topic. */
    Optional<Topic> update(long id, String name, String query);

    /** Removes the topic; false when there was none. */
    boolean delete(long id);
}
