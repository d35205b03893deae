package no.meldingsvakt.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The routine's form read as a form: the label's examples are never the sender's answer. */
class FormAnswersTest {
    private static final String FORM = """
            Telefonnummer for mottak av pasientrelaterte opplysninger ved nedetid: 72 48 00 00
            Tidspunkt hendelsen oppstod: 12.03.2026 kl. 08:15
            Berørt tjeneste (for eksempel PLO eller helsestasjon): %s
            Iverksatte tiltak (for eksempel kontaktet leverandør): Kontaktet leverandør av lab-systemet
            Når normal e-meldingskommunikasjon forventes å være på plass: ukjent
            """;

    @Test
    void only_the_services_the_sender_named_count_not_the_labels_examples_nor_the_measures() {
        assertThat(services(FORM.formatted("Epikriser"))).containsExactly("epikrise");
        assertThat(services(FORM.formatted("legevakt og fastlege"))).containsExactlyInAnyOrder("legevakt", "fastlege");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Ukjent", "ikke kjent", "-", "?", "Ikke aktuelt", "ukjend"})
    void an_answer_that_says_nothing_gives_no_service(String answer) {
        assertThat(services(FORM.formatted(answer))).isEmpty();
    }

    @Test
    void a_value_on_the_next_line_is_the_answer_but_the_next_label_is_not() {
        assertThat(services("Berørte tjenester:\nHelsestasjon\nIverksatte tiltak: PLO varslet\n")).containsExactly("helsestasjon");
        assertThat(services("Berørt tjeneste:\nIverksatte tiltak: PLO varslet\n")).isEmpty();
    }

    @Test
    void see_attached_follows_to_where_it_points_and_a_service_said_to_be_unaffected_does_not_count() {
        assertThat(services("Berørt tjeneste: se vedlagt\n\nVedlegg: nedetid for labsvar og epikriser\n")).containsExactlyInAnyOrder("lab", "epikrise");
        assertThat(services("Berørt tjeneste: PLO, helsestasjon er ikke berørt\n")).containsExactly("PLO");
        assertThat(services("Berørte tjenester: alle unntatt lab\n")).doesNotContain("lab");
    }

    @Test
    void all_message_types_means_every_service_of_the_vocabulary() {
        Set<String> all = Classifier.affected("Berørt tjeneste: alle meldingstyper\n", Set.of(), Map.of("rus", List.of("rusomsorg")));
        assertThat(all).contains("PLO", "helsestasjon", "legevakt", "fastlege", "epikrise", "lab", "dialogmelding", "henvisning", "rus");
    }

    @Test
    void without_the_form_every_service_named_counts_but_never_a_labels_example() {
        assertThat(services("Vi har problemer med PLO-meldinger i dag.\n")).containsExactly("PLO");
        assertThat(FormAnswers.withoutExamples("Berørt tjeneste (f.eks. PLO):")).isEqualTo("Berørt tjeneste :");
        assertThat(FormAnswers.withoutExamples("Affected service (e.g. lab results):")).isEqualTo("Affected service :");
    }

    private static Set<String> services(String body) {
        String text = FormAnswers.withoutExamples(body);
        return Classifier.affected(text, ServiceDetector.detect(text), Map.of());
    }
}
