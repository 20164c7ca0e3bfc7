package io.earshot.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared real-world fixtures and data ({@code ../shared}), read in place, never copied into the repo.
 * Surefire passes their location as the system property {@code earshot.shared}; without it, the folder
 * is looked for beside the repository.
 */
public final class Fixtures {

    private Fixtures() {}

    /** The {@code shared} folder. */
    public static Path shared() {
        String configured = System.getProperty("earshot.shared");
        Path root = configured != null ? Path.of(configured) : locate();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("shared fixtures not found at " + root.toAbsolutePath()
                    + "; run the tests from the repository (./mvnw verify) with ../shared beside it");
        }
        return root.normalize();
    }

    /** A file under {@code shared/fixtures}, e.g. {@code fixture("jetstream/golden.jsonl")}. */
    public static Path fixture(String relative) {
        return existing(shared().resolve("fixtures").resolve(relative));
    }

    /** A file under {@code shared/data}, e.g. {@code data("sentiment/semeval-2013-2016-train.tsv")}. */
    public static Path data(String relative) {
        return existing(shared().resolve("data").resolve(relative));
    }

    private static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException("fixture missing: " + path);
        }
        return path;
    }

    private static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("fixtures"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return Path.of("../shared");
    }
}
