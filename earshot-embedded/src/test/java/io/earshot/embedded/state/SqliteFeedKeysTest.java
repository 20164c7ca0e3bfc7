package io.earshot.embedded.state;

import io.earshot.testkit.contract.FeedKeysContract;
import io.earshot.topic.FeedKeys;
import java.nio.file.Path;

class SqliteFeedKeysTest extends FeedKeysContract {

    private SqliteStateStore database;

    @Override
    protected FeedKeys open(Path dir) {
        database = SqliteStateStore.open(dir);
        return database.feedKeys();
    }

    @Override
    protected void close(FeedKeys store) {
        database.close();
    }
}
