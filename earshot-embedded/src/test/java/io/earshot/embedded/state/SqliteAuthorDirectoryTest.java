package io.earshot.embedded.state;

import io.earshot.ingest.AuthorDirectory;
import io.earshot.testkit.contract.AuthorDirectoryContract;
import java.nio.file.Path;

class SqliteAuthorDirectoryTest extends AuthorDirectoryContract {
    @Override
    protected AuthorDirectory open(Path dir) {
        return SqliteStateStore.open(dir);
    }
}
