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
}
