package io.earshot.server.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The one-time code that opens {@code /setup} on a fresh install. It proves that whoever creates the first admin
 * can read the server's console or its data folder, so a stranger who reaches the port first cannot take over.
 *
 * <p>Eight characters from an alphabet without look-alikes ({@code 0/O}, {@code 1/I/L}), shown as {@code
 * XXXX-XXXX}: 40 bits, and guesses are rate limited like logins. The file {@code setup-code.txt} is created
 * owner-read/write only and removed once the code is used. A restart before setup issues a new code.
 */
final class SetupCode {

    static final String FILE_NAME = "setup-code.txt";
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Optional<String> code = Optional.empty();
    private Optional<Path> file = Optional.empty();

    /** A new code, written to {@code dataDir/setup-code.txt}. */
    synchronized String issue(Path dataDir) {
        StringBuilder value = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                value.append('-');
            }
            value.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        Path path = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            // removed first, so the new file is created with owner-only permissions rather than inheriting old ones
            Files.deleteIfExists(path);
            Files.write(
                    Files.createFile(path, ownerOnly()),
                    (value + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the setup code to " + path + ": " + e.getMessage(), e);
        }
        code = Optional.of(value.toString());
        file = Optional.of(path);
        return value.toString();
    }

    synchronized Optional<Path> file() {
        return file;
    }

    /** Whether {@code presented} is the code; case, spaces and dashes do not matter. */
    synchronized boolean matches(String presented) {
        return code.map(SetupCode::normalize)
                .filter(expected -> Secrets.same(expected, normalize(presented)))
                .isPresent();
    }

    /** The code is void from now on, and its file gone. */
    synchronized void used() {
        code = Optional.empty();
        file.ifPresent(SetupCode::delete);
        file = Optional.empty();
    }

    /** Removes a file left from an earlier start that no longer needs it. */
    synchronized void discard(Path dataDir) {
        used();
        delete(dataDir.resolve(FILE_NAME));
    }

    private static String normalize(String value) {
        return value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            };
        }
        return new FileAttribute<?>[0];
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the used setup code " + path + ": " + e.getMessage(), e);
        }
    }
}
