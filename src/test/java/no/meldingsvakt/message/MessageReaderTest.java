package no.meldingsvakt.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageReaderTest {
    private final MessageReader reader = new MessageReader();

    private ParsedMessage read(String raw) throws Exception {
        return reader.read(raw.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void encoded_words_split_across_folded_lines_are_joined() throws Exception {
        ParsedMessage m = read("From: =?iso-8859-1?Q?B=F8rre?= <borre@hf.test>\nSubject: =?iso-8859-1?Q?Viktig_informasjon_ved?=\n"
                + " =?iso-8859-1?Q?r=F8rende_meldingsutveksling?=\nMessage-ID: <a@b>\n\nx\n");
        assertThat(m.subject()).isEqualTo("Viktig informasjon vedrørende meldingsutveksling");
        assertThat(m.fromName()).contains("Børre");
        assertThat(m.fromAddress()).contains("borre@hf.test");
        assertThat(m.messageId()).contains("<a@b>");
    }

    @Test
    void latin1_quoted_printable_body_is_decoded() throws Exception {
        ParsedMessage m = read("From: a@b.test\nSubject: x\nContent-Type: text/plain; charset=iso-8859-1\n"
                + "Content-Transfer-Encoding: quoted-printable\n\nBer=F8rt tjeneste: helsestasjon=\nen\n");
        assertThat(m.text()).isEqualTo("Berørt tjeneste: helsestasjonen");
    }

    @Test
    void html_only_body_becomes_text_with_line_breaks_and_entities() throws Exception {
        ParsedMessage m = read("From: a@b.test\nSubject: x\nContent-Type: text/html; charset=utf-8\n\n"
                + "<p>Telefon: 72&nbsp;48&nbsp;00&nbsp;00<br>Tjeneste: PLO &amp; lab</p><script>evil()</script>");
        assertThat(m.text()).isEqualTo("Telefon: 72 48 00 00\nTjeneste: PLO & lab");
    }

    @Test
    void alternative_prefers_plain_text() throws Exception {
        ParsedMessage m = read("From: a@b.test\nSubject: x\nContent-Type: multipart/alternative; boundary=b\n\n--b\n"
                + "Content-Type: text/plain\n\nplain\n--b\nContent-Type: text/html\n\n<p>html</p>\n--b--\n");
        assertThat(m.text()).isEqualTo("plain");
    }

    @Test
    void raw_utf8_and_windows_1252_headers_are_both_read() throws Exception {
        byte[] utf8 = "From: a@b.test\r\nSubject: Spørsmål\r\n\r\nx".getBytes(StandardCharsets.UTF_8);
        byte[] cp1252 = "From: a@b.test\r\nSubject: Spørsmål\r\n\r\nx".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(reader.read(utf8).subject()).isEqualTo("Spørsmål");
        assertThat(reader.read(cp1252).subject()).isEqualTo("Spørsmål");
    }

    @Test
    void unknown_charset_falls_back_instead_of_failing() throws Exception {
        ParsedMessage m = read("From: a@b.test\nSubject: x\nContent-Type: text/plain; charset=x-klingon\n\nTekst med \u00e6\u00f8\u00e5\n");
        assertThat(m.text()).isEqualTo("Tekst med æøå");
    }

    @Test
    void bytes_without_any_header_are_refused() {
        assertThatThrownBy(() -> reader.read("just some text".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(UnreadableMessageException.class);
    }

    @Test
    void control_characters_in_names_subjects_and_file_names_never_reach_a_log_line_or_template() throws Exception {
        ParsedMessage m = read("From: =?utf-8?Q?Kari=0D=0A2026-03-12_INFO_forged?= <kari@hemit.test>\n"
                + "Subject: =?utf-8?Q?Feil=0Ai_meldingsutveksling=E2=80=AE?=\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\n"
                + "-----Opprinnelig melding-----\nFra: Ola <ola@hf.test>\nEmne: Feil\n\nTekst\n--b--\n");
        assertThat(m.fromName()).contains("Kari 2026-03-12 INFO forged");
        assertThat(m.subject()).isEqualTo("Feil i meldingsutveksling");
        assertThat(Clean.line("rapport\u202Efdp.exe\r\nX")).isEqualTo("rapport fdp.exe X");
    }

    @Test
    void a_line_longer_than_998_characters_is_broken_into_pieces_so_patterns_stay_fast() {
        String text = BodyText.bounded("kort\n" + "x".repeat(2_500) + "\nslutt");
        assertThat(text.lines().map(String::length).toList()).containsExactly(4, 998, 998, 504, 5);
        assertThat(BodyText.bounded("a\nb")).isEqualTo("a\nb");
    }

    @Test
    void a_broken_encoded_word_next_to_a_valid_one_keeps_the_space_and_the_phrase_before_it() {
        assertThat(EncodedWords.decode("=?utf-8?Q?Planlagt_stopp_i_meldingstrafikk?= =?x-bogus?Q?Orkland?="))
                .isEqualTo("Planlagt stopp i meldingstrafikk =?x-bogus?Q?Orkland?=");
        assertThat(EncodedWords.decode("Feil i meldingsutveksling =?x-bogus?B?AAAA?= =?utf-8?Q?Orkland_kommune?="))
                .isEqualTo("Feil i meldingsutveksling =?x-bogus?B?AAAA?= Orkland kommune");
    }

    @Test
    void a_form_in_an_html_table_reads_as_label_colon_answer() {
        String text = HtmlText.toText("<table><tr><td>Berørt tjeneste</td><td>Epikriser</td></tr>"
                + "<tr><td>Tidspunkt for nedetid:</td><td>12.03.2026 kl. 16-20</td></tr><tr><td>a</td><td>b</td><td>c</td></tr></table>");
        assertThat(text.lines().toList()).contains("Berørt tjeneste: Epikriser", "Tidspunkt for nedetid: 12.03.2026 kl. 16-20", "a b c");
    }
}
