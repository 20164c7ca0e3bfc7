package io.earshot.embedded.state;

import io.earshot.ingest.InteractionLedger;
import io.earshot.testkit.contract.InteractionLedgerContract;
import java.nio.file.Path;

class SqliteInteractionLedgerTest extends InteractionLedgerContract {
    @Override
    protected InteractionLedger open(Path dir) {
        return SqliteStateStore.open(dir);
    }
}
