package io.earshot.embedded.state;

import io.earshot.graph.InteractionGraph;
import io.earshot.testkit.contract.InteractionGraphContract;
import java.nio.file.Path;

class SqliteInteractionGraphTest extends InteractionGraphContract {

    private SqliteStateStore state;

    @Override
    protected InteractionGraph open(Path dir) {
        state = SqliteStateStore.open(dir);
        return state.graph();
    }

    @Override
    protected void close(InteractionGraph graph) {
        state.close();
    }
}
