package io.earshot.enrich;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared data and fixtures ({@code ../shared}), read in place. earshot-core cannot use the testkit
 * (the testkit depends on core), so this finds the folder the same way: the {@code earshot.shared} system
 * property that surefire sets, else a {@code shared} folder beside the repository.
 */
public final class SharedData {

    private SharedData() {}

    public static Path data(String relative) {
        return existing(root().resolve("data").resolve(relative));
    }

    public static Path fixture(String relative) {
        return existing(root().resolve("fixtures").resolve(relative));
    }

    private static Path root() {
        String configured = System.getProperty("earshot.shared");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured).normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("data"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "shared data not found: set -Dearshot.shared or keep ../shared beside the repo");
    }

    private static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException("shared file missing: " + path);
        }
        return path;
    }
}
