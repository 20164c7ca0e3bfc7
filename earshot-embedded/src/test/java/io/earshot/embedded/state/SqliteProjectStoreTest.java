package io.earshot.embedded.state;

import io.earshot.project.ProjectStore;
import io.earshot.testkit.contract.ProjectStoreContract;
import java.nio.file.Path;

class SqliteProjectStoreTest extends ProjectStoreContract {

    private SqliteStateStore database;

    @Override
    protected ProjectStore open(Path dir) {
        database = SqliteStateStore.open(dir);
        return database.projects();
    }

    @Override
    protected void close(ProjectStore store) {
        database.close();
    }
}
