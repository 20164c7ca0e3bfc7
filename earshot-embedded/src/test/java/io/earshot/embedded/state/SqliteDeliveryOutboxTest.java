package io.earshot.embedded.state;

import io.earshot.alert.DeliveryOutbox;
import io.earshot.testkit.contract.DeliveryOutboxContract;
import java.nio.file.Path;

class SqliteDeliveryOutboxTest extends DeliveryOutboxContract {

    private SqliteStateStore database;

    @Override
    protected DeliveryOutbox open(Path dir) {
        database = SqliteStateStore.open(dir);
        return database.deliveries();
    }

    @Override
    protected void close(DeliveryOutbox store) {
        database.close();
    }
}
