package io.earshot.embedded.state;

import java.nio.file.Path;

/**
 * The state database could not do what was asked. The message names the operation and the database file, so
 * that a person can check the disk (space, permissions, a damaged or foreign file).
 */
public final class StateStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StateStoreException(String operation, Path file, Throwable cause) {
        super("state database " + file + ": " + operation + " failed: " + cause.getMessage(), cause);
    }
}
