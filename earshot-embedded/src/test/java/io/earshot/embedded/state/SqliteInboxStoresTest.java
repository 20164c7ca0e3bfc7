package io.earshot.embedded.state;

import io.earshot.testkit.contract.InboxStoresContract;
import java.nio.file.Path;

class SqliteInboxStoresTest extends InboxStoresContract {

    @Override
    protected Stores open(Path dir) {
        SqliteStateStore database = SqliteStateStore.open(dir);
        SqliteInbox inbox = database.inbox();
        return new Stores(inbox.definitions(), inbox.replies(), inbox.contacts(), database);
    }
}
