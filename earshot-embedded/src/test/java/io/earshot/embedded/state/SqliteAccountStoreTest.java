package io.earshot.embedded.state;

import io.earshot.account.AccountStore;
import io.earshot.testkit.contract.AccountStoreContract;
import java.nio.file.Path;

class SqliteAccountStoreTest extends AccountStoreContract {

    private SqliteStateStore database;

    @Override
    protected AccountStore open(Path dir) {
        database = SqliteStateStore.open(dir);
        return database.accounts();
    }

    @Override
    protected void close(AccountStore store) {
        database.close();
    }
}
