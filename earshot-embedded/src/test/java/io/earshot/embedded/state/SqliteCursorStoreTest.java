package io.earshot.embedded.state;

import io.earshot.source.CursorStore;
import io.earshot.testkit.contract.CursorStoreContract;
import java.nio.file.Path;

class SqliteCursorStoreTest extends CursorStoreContract {
    @Override
    protected CursorStore open(Path dir) {
        return SqliteStateStore.open(dir);
    }
}
