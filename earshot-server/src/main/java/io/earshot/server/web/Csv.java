package io.earshot.server.web;

/**
 * CSV per RFC 4180, safe to open in a spreadsheet: a cell that starts with {@code = + - @} (or a tab or carriage
 * return) is prefixed with {@code '} so a post cannot smuggle a formula into someone's Excel.
 */
final class Csv {

    private Csv() {}

    static void row(StringBuilder out, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i] == null ? "" : String.valueOf(cells[i])));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
