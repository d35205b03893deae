package no.meldingsvakt.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedHeadersTest {
    @Test
    void a_client_header_block_is_removed() {
        String text = "Til info.\n\nFra: Levanger kommune <postmottak@levanger.kommune.no>\nSendt: mandag 5. januar 2026 09:14\n"
                + "Til: meldingsansvarlig@orkland.kommune.no\nEmne: Stopp i meldingsutveksling\n\nStopp 4. februar kl 17-21.";
        assertThat(QuotedHeaders.strip(text)).isEqualTo("Til info.\n\n\n\n\n\n\nStopp 4. februar kl 17-21.");
    }

    @Test
    void a_block_naming_no_address_is_known_by_its_subject_line() {
        String text = "From: Hansen, Per\nSent: 5 January 2026 09:14\nSubject: Feil i meldingsutveksling\nFeil siden kl 08.";
        assertThat(QuotedHeaders.strip(text)).isEqualTo("\n\n\nFeil siden kl 08.");
    }

    @Test
    void a_notice_s_own_labelled_lines_are_kept() {
        String text = "Dato: 12.03.2026\nTid: 16:00 - 20:00\n\nFra: 12.03.2026 kl 16:00\nTil: 12.03.2026 kl 20:00\nOla skrev:";
        assertThat(QuotedHeaders.strip(text)).isEqualTo("Dato: 12.03.2026\nTid: 16:00 - 20:00\n\nFra: 12.03.2026 kl 16:00\nTil: 12.03.2026 kl 20:00\n");
    }
}
