package io.earshot.embedded.state;

import io.earshot.ingest.TombstoneStore;
import io.earshot.testkit.contract.TombstoneStoreContract;
import java.nio.file.Path;

class SqliteTombstoneStoreTest extends TombstoneStoreContract {
    @Override
    protected TombstoneStore open(Path dir) {
        return SqliteStateStore.open(dir);
    }
}
