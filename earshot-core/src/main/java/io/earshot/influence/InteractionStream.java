package io.earshot.influence;

import io.earshot.domain.InteractionKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * An interaction stream in the format of the Higgs Twitter data set: one {@code userA userB unix_seconds
 * RT|MT|RE} per line (A retweeted, mentioned or replied to B), gzipped or not, in time order.
 */
public record InteractionStream(List<Line> lines) {

    /** One interaction of the stream. */
    public record Line(String from, String to, long at, InteractionKind kind) {}

    public InteractionStream {
        lines = List.copyOf(lines);
    }

    /**
     * Reads a stream file ({@code .gz} is decompressed).
     *
     * @throws IllegalArgumentException naming the first line that is not {@code userA userB seconds RT|MT|RE}
     */
    public static InteractionStream read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        List<Line> lines = new ArrayList<>(600_000);
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (!text.isBlank()) {
                    lines.add(parse(text.strip(), file, number));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the interaction stream " + file + ": " + e.getMessage(), e);
        }
        return new InteractionStream(lines);
    }

    private static Line parse(String text, Path file, int number) {
        String[] fields = text.split("\\s+");
        if (fields.length != 4) {
            throw new IllegalArgumentException(
                    file + ":" + number + ": expected 'userA userB unix_seconds RT|MT|RE', got '" + text + "'");
        }
        InteractionKind kind = switch (fields[3]) {
            case "RT" -> InteractionKind.REPOST;
            case "MT" -> InteractionKind.MENTION;
            case "RE" -> InteractionKind.REPLY;
            default ->
                throw new IllegalArgumentException(
                        file + ":" + number + ": the kind must be RT, MT or RE, got '" + fields[3] + "'");
        };
        try {
            return new Line(fields[0], fields[1], Long.parseLong(fields[2]), kind);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    file + ":" + number + ": the time must be unix seconds, got '" + fields[2] + "'");
        }
    }
}
