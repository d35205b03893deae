package no.meldingsvakt.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateRendererTest {
    @Test
    void values_are_escaped_for_markdown_and_html_but_plain_text_keeps_them() {
        Rendered r = new TemplateRenderer(List.of()).render("receipt", Map.of("organisation", "*A* & B <kommune>",
                "monitoredAddress", "m@a.test", "caseRef", "MV-1", "originalSubject", "*Feil*\r\nBcc: x@evil.test"));
        assertThat(r.subject()).isEqualTo("Mottatt: *Feil* Bcc: x@evil.test [MV-1]");
        assertThat(r.html()).contains("*A* &amp; B &lt;kommune&gt;").doesNotContain("<kommune>").doesNotContain("<em>A</em>");
        assertThat(r.text()).contains("*A* & B <kommune> har mottatt henvendelsen din");
    }

    @Test
    void organisation_override_wins_over_the_default(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("receipt.md"), "---\nsubject: \"Takk {{caseRef}}\"\n---\nHei fra **oss**\n");
        Rendered r = new TemplateRenderer(List.of(dir)).render("receipt", Map.of("caseRef", "MV-2"));
        assertThat(r.subject()).isEqualTo("Takk MV-2");
        assertThat(r.html()).contains("<strong>oss</strong>");
        assertThat(new TemplateRenderer(List.of(dir)).render("redistribution", Map.of()).subject()).startsWith("[Meldingsvakt]");
    }

    @Test
    void a_broken_override_is_reported_at_validation(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("redistribution.md"), "no front matter");
        assertThatThrownBy(() -> new TemplateRenderer(List.of(dir)).validate())
                .hasMessageContaining("redistribution.md").hasMessageContaining("starts with '---'");
    }

    @Test
    void the_plain_text_part_is_plain_text_without_markdown_while_values_stay_literal() {
        Map<String, Object> v = new java.util.HashMap<>(Map.of("categoryLabel", "Feil i meldingsutveksling",
                "organisation", "Testkommune", "monitoredAddress", "m@a.test", "sender", "Kari **Nordmann** <kari@hemit.test>",
                "originalSubject", "Feil_i_meldingsutveksling", "caseRef", "MV-1", "lists", "it, plo", "receiptStatus", "sendt"));
        v.putAll(Map.of("attached", true, "hasProblems", true, "problems", List.of(Map.of("text", "Mangler telefonnummer", "id", "no-phone"))));
        Rendered r = new TemplateRenderer(List.of()).render("redistribution", v);
        assertThat(r.text()).doesNotContain("##").doesNotContain("**Kategori").doesNotContain("_Sendt av");
        assertThat(r.text()).contains("Feil i meldingsutveksling\n-------------------------")
                .contains("- Kategori: Feil i meldingsutveksling")
                .contains("- Fra: Kari **Nordmann** <kari@hemit.test>")
                .contains("- Emne: Feil_i_meldingsutveksling")
                .contains("Merk – varselet følger ikke rutinen:\n\n- Mangler telefonnummer")
                .contains("Sendt av Meldingsvakt til listene: it, plo.");
    }
}
