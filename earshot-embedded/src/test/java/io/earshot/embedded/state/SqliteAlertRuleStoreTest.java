package io.earshot.embedded.state;

import io.earshot.alert.AlertRuleStore;
import io.earshot.testkit.contract.AlertRuleStoreContract;
import java.nio.file.Path;

class SqliteAlertRuleStoreTest extends AlertRuleStoreContract {

    private SqliteStateStore database;

    @Override
    protected AlertRuleStore open(Path dir) {
        database = SqliteStateStore.open(dir);
        return database.alertRules();
    }

    @Override
    protected void close(AlertRuleStore store) {
        database.close();
    }
}
