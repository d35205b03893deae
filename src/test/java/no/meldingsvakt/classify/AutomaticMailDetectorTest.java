package no.meldingsvakt.classify;

import static org.assertj.core.api.Assertions.assertThat;

import no.meldingsvakt.message.MessageReader;
import no.meldingsvakt.testing.Emails;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Clients that write for a person (not-read notices, recalls, failed deliveries) often send no robot header at all. */
class AutomaticMailDetectorTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Ikke lest: Feil i meldingsutveksling          | true",
        "Tilbakekall: Feil i meldingsutveksling        | true",
        "Levering mislyktes: Feil i meldingsutveksling | true",
        "Automatisk svar: Feil i meldingsutveksling    | true",
        "SV: Feil i meldingsutveksling                 | false",
        "Lesestoff om meldingsutveksling               | false",
    })
    void client_written_notices_are_known_by_their_subject(String subject, boolean automatic) throws Exception {
        byte[] raw = Emails.message().from("per@trondheim.kommune.test").to("meldingsansvarlig@kommune.test").subject(subject).body("Hei\n").bytes();
        Classification c = Classifier.classify(new MessageReader().read(raw), "meldingsansvarlig@kommune.test");
        assertThat(c.category() == Category.AUTOMATIC).isEqualTo(automatic);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Dette er en automatisk generert e-post. Ikke svar.                      | true",
        "Din henvendelse er registrert med saksnummer INC0012345.               | true",
        "This is an automatically generated email from ServiceNow.               | true",
        "Ticket INC004711 has been updated by Service Desk.                      | true",
        "Hei, vi har feil i mottak av epikriser siden kl 08. Mvh Kari            | false",
        "Denne e-posten skal ikke besvares. Telefon for pasientinformasjon: 72 57 30 00 | false",
    })
    void ticket_systems_and_notification_robots_are_known_by_what_they_write(String body, boolean automatic) throws Exception {
        byte[] raw = Emails.message().from("servicedesk@leverandor.test").subject("Feil i meldingsutveksling").body(body + "\n").bytes();
        Classification c = Classifier.classify(new MessageReader().read(raw), "meldingsansvarlig@kommune.test");
        assertThat(c.automatic()).isEqualTo(automatic);
        assertThat(c.category()).as("a standard subject keeps its category; the robot only loses its receipt").isEqualTo(Category.ERROR);
    }

    @org.junit.jupiter.api.Test
    void a_person_writing_through_a_helpdesk_tool_is_a_person() throws Exception {
        byte[] person = Emails.message().from("servicedesk@leverandor.test").subject("Feil i meldingsutveksling").header("X-ServiceNow-Source", "Email")
                .body("Hei, vi ser at epikriser fra dere ikke kommer fram siden kl 08. Kan dere sjekke køen? Mvh Per\n").bytes();
        assertThat(Classifier.classify(new MessageReader().read(person), "meldingsansvarlig@kommune.test").automatic()).isFalse();
        byte[] robot = Emails.message().from("servicedesk@leverandor.test").subject("Feil i meldingsutveksling").header("X-ServiceNow-Source", "Email")
                .body("Din henvendelse er registrert med saksnummer INC0012345.\n").bytes();
        assertThat(Classifier.classify(new MessageReader().read(robot), "meldingsansvarlig@kommune.test").automatic()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void a_person_forwarding_a_ticket_systems_mail_makes_it_a_notice_again() throws Exception {
        String body = "Se under – dette gjelder oss.\n\n-----Opprinnelig melding-----\nFra: Service Desk <servicedesk@leverandor.test>\n"
                + "Sendt: 12. mars 2026 08:00\nTil: it@kommune.test\nEmne: Feil i meldingsutveksling\n\n"
                + "Dette er en automatisk generert e-post. Feil i mottak av epikriser.\n";
        byte[] raw = Emails.message().from("Ivar <it@kommune.test>").subject("VS: Feil i meldingsutveksling").body(body).bytes();
        Classification c = Classifier.classify(new MessageReader().read(raw), "meldingsansvarlig@kommune.test");
        assertThat(c.automatic()).isFalse();
        assertThat(c.category()).isEqualTo(Category.ERROR);
    }

    @org.junit.jupiter.api.Test
    void a_delivery_report_comes_from_the_mail_server_and_the_mail_it_returns_is_no_forward() throws Exception {
        String raw = "From: Mail Delivery System <MAILER-DAEMON@mx.kommune.test>\r\nTo: meldingsansvarlig@kommune.test\r\n"
                + "Subject: Undeliverable: Feil i meldingsutveksling\r\nMessage-ID: <ndr1@mx.kommune.test>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nDelivery has failed.\r\n"
                + "--b\r\nContent-Type: message/rfc822\r\n\r\nFrom: Kari <kari@hemit.test>\r\nSubject: Feil i meldingsutveksling\r\n"
                + "Message-ID: <orig@hemit.test>\r\n\r\nTekst\r\n--b--\r\n";
        no.meldingsvakt.message.ParsedMessage m = new MessageReader().read(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(m.forward()).isEmpty();
        assertThat(m.originalSender()).contains("mailer-daemon@mx.kommune.test");
        assertThat(Classifier.classify(m, "meldingsansvarlig@kommune.test").category()).isEqualTo(Category.AUTOMATIC);
    }
}
