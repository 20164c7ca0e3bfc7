package io.earshot.enrich.linear;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads labelled data as tab-separated values with a header line naming the columns: {@code label} and
 * {@code text} are required, {@code id} is optional ({@code id label text} for the SemEval sentiment data,
 * {@code label text} for TweetEval emotion and for {@code earshot eval}). Text may itself contain tabs: it
 * is everything from its column on. Labels are lower-cased; blank lines are skipped.
 */
public final class LabelledFiles {

    private LabelledFiles() {}

    public static List<LabelledText> read(Path tsv) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader =
                new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(tsv), decoder), 1 << 16)) {
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalArgumentException(tsv + " is empty; expected a header line such as 'label<TAB>text'");
            }
            List<String> columns =
                    List.of(header.strip().toLowerCase(Locale.ROOT).split("\t"));
            int label = columns.indexOf("label");
            int text = columns.indexOf("text");
            int id = columns.indexOf("id");
            if (label < 0 || text < 0 || text != columns.size() - 1) {
                throw new IllegalArgumentException(tsv + ": the header must name the columns, with 'text' last,"
                        + " e.g. 'label<TAB>text' or 'id<TAB>label<TAB>text'; got '" + header + "'");
            }
            List<LabelledText> rows = new ArrayList<>();
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", columns.size());
                if (cells.length < columns.size()) {
                    throw new IllegalArgumentException(
                            tsv + " line " + number + ": expected " + columns.size() + " tab-separated columns");
                }
                rows.add(new LabelledText(
                        id >= 0 ? cells[id].strip() : "", cells[label].strip().toLowerCase(Locale.ROOT), cells[text]));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tsv, e);
        }
    }
}
