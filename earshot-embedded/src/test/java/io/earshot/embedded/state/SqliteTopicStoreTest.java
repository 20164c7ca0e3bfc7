package io.earshot.embedded.state;

import io.earshot.testkit.contract.TopicStoreContract;
import io.earshot.topic.TopicStore;
import java.nio.file.Path;

class SqliteTopicStoreTest extends TopicStoreContract {
    @Override
    protected TopicStore open(Path dir) {
        return SqliteStateStore.open(dir);
    }
}
