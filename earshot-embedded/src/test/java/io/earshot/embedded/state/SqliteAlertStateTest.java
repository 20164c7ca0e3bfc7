package io.earshot.embedded.state;

import io.earshot.alert.AlertState;
import io.earshot.testkit.contract.AlertStateContract;
import java.nio.file.Path;

class SqliteAlertStateTest extends AlertStateContract {

    private SqliteStateStore database;

    @Override
    protected AlertState open(Path dir) {
        database = SqliteStateStore.open(dir);
        return database.alertState();
    }

    @Override
    protected void close(AlertState store) {
        database.close();
    }
}
