package io.earshot.embedded.state;

import io.earshot.inbox.CaseStore;
import io.earshot.testkit.contract.CaseStoreContract;
import java.nio.file.Path;

class SqliteCaseStoreTest extends CaseStoreContract {

    private SqliteStateStore database;

    @Override
    protected CaseStore open(Path dir) {
        database = SqliteStateStore.open(dir);
        return database.inbox().cases();
    }

    @Override
    protected void close(CaseStore store) {
        database.close();
    }
}
