package no.meldingsvakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViewsTest {
    @Test
    void a_norwegian_number_is_shown_in_pairs_and_dialled_with_the_country_code() {
        assertThat(Views.phone("+4773868000")).isEqualTo("73 86 80 00");
        assertThat(Views.phone("73868000")).isEqualTo("73 86 80 00");
        assertThat(Views.tel("73 86 80 00")).isEqualTo("+4773868000");
        assertThat(Views.tel("+46 8 123 456")).isEqualTo("+468123456");
        assertThat(Views.phone("+46 8 123 456")).as("a foreign number as written").isEqualTo("+46 8 123 456");
    }

    @Test
    void every_template_compiles_and_the_layout_escapes_the_title() {
        String html = new Views().page("message", "<b>tittel</b>", java.util.Map.of("title", "x", "text", "<script>"), java.util.Optional.empty());
        assertThat(html).contains("&lt;b&gt;tittel&lt;/b&gt;").contains("&lt;script&gt;").doesNotContain("<script>");
    }
}
