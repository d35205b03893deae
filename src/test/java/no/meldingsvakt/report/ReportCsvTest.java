package no.meldingsvakt.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The CSV's cells as a spreadsheet reads them, whatever a stranger put in a sender's address. */
class ReportCsvTest {
    @Test
    void a_cell_a_stranger_wrote_never_becomes_a_formula() {
        assertThat(ReportCsv.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(ReportCsv.field("+47 72 57 30 00")).isEqualTo("'+47 72 57 30 00");
        assertThat(ReportCsv.field("@sum")).isEqualTo("'@sum");
        assertThat(ReportCsv.field("hemit.no")).isEqualTo("hemit.no");
        assertThat(ReportCsv.field("a;b")).isEqualTo("\"a;b\"");
        assertThat(ReportCsv.field("")).isEmpty();
    }
}
