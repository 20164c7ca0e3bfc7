package io.earshot.server.analytics;

import io.javalin.http.Context;
import java.util.List;

/**
 * CSV as spreadsheets open it (RFC 4180, CRLF line ends), safe against formula injection: a text cell that
 * starts with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so a hashtag or author
 * name chosen by a stranger never runs as a formula. Numbers are written as numbers.
 */
final class Csv {

    private final StringBuilder out = new StringBuilder();

    Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    Csv row(Object... cells) {
        return row(List.of(cells));
    }

    void send(Context ctx, String name) {
        ctx.status(200)
                .contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                .result(out.toString());
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String cell(Object value) {
        if (value instanceof Number number) {
            if (number instanceof Double d && (d.isNaN() || d.isInfinite())) {
                return "";
            }
            return number.toString();
        }
        String text = String.valueOf(value);
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
