package io.earshot.testkit.contract;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every contract suite shares: the store under test is opened lazily in a fresh temporary folder, can be
 * reopened on the same folder (a restart), and is closed after each test.
 *
 * @param <S> the port under test
 */
public abstract class StoreContract<S> {

    @TempDir
    private Path dataDir;

    private S current;

    /**
     * Opens the implementation under test, keeping its data in {@code dir}. Opening the same folder again must
     * see what was stored before (for a server-backed store: the same database or index).
     */
    protected abstract S open(Path dir);

    /** Releases a store before a reopen and after each test; the default closes {@link AutoCloseable} ones. */
    protected void close(S store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** The store under test, opened on first use. */
    protected final S store() {
        if (current == null) {
            current = open(dataDir);
        }
        return current;
    }

    /** Closes the store and opens it again on the same folder, as after a restart. */
    protected final S reopen() throws Exception {
        closeCurrent();
        return store();
    }

    /** The temporary folder the store keeps its data in. */
    protected final Path dataDir() {
        return dataDir;
    }

    @AfterEach
    final void closeCurrent() throws Exception {
        if (current != null) {
            S store = current;
            current = null;
            close(store);
        }
    }
}
