package io.earshot.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnalyticsCsvTest {

    @Test
    void textThatASpreadsheetWouldRunIsDefused() {
        assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Csv.cell("+1")).isEqualTo("'+1");
        assertThat(Csv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
        assertThat(Csv.cell("plain")).isEqualTo("plain");
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
    }

    @Test
    void numbersStayNumbers() {
        assertThat(Csv.cell(-0.25)).isEqualTo("-0.25");
        assertThat(Csv.cell(42L)).isEqualTo("42");
        assertThat(Csv.cell(Double.NaN)).isEmpty();
        assertThat(new Csv().row("a", 1).row("=b", -2).toString()).isEqualTo("a,1\r\n'=b,-2\r\n");
    }
}
