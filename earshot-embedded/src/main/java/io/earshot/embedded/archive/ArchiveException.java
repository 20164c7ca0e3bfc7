package io.earshot.embedded.archive;

import java.nio.file.Path;

/**
 * The archive could not read or write its index: the message says which operation failed and where the index
 * lives, so that a person can check the disk (space, permissions, another Earshot using the same folder).
 */
public final class ArchiveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ArchiveException(String operation, Path directory, Throwable cause) {
        super("mention archive at " + directory + ": " + operation + " failed: " + cause.getMessage(), cause);
    }
}
