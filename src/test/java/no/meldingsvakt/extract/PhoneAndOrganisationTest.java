package no.meldingsvakt.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneAndOrganisationTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Telefonnummer for pasientrelatert informasjon: 72 48 00 00 | +4772480000",
        "Pasientrelaterte henvendelser: +47 934 56 789               | +4793456789",
        "Tlf. for pasientrelaterte spørsmål: 0047 72480000          | +4772480000",
        "Pasientinformasjon under nedetiden: 724 80 000             | +4772480000",
        "Telefon for pasientrelatert info: (+47) 72-48-00-00        | +4772480000",
        "Ved pasientrelaterte spørsmål ring +46 8 123 45 67          | +4681234567",
    })
    void the_number_on_the_patient_line_in_e164(String line, String e164) {
        assertThat(PhoneNumbers.patientPhone(line)).hasValue(e164);
    }

    @Test
    void the_patient_number_not_the_signature_or_another_number() {
        String text = "Saksnummer 12345678\nRing servicedesk 73 86 00 00 for andre saker.\n"
                + "Telefonnummer for pasientrelatert informasjon:\n72 48 00 00\n\nMvh\nKari\nTlf 99 88 77 66";
        assertThat(PhoneNumbers.patientPhone(text)).hasValue("+4772480000");
    }

    @Test
    void a_five_digit_number_on_the_patient_line_is_taken_and_nowhere_else() {
        String text = "Kontaktperson: Per, tlf 480 12 345\nPasientrelaterte henvendelser: 03525\n\nMvh\nIKT, 7500 Stjørdal";
        assertThat(PhoneNumbers.patientPhone(text)).hasValue("+4703525");
        assertThat(PhoneNumbers.patientPhone("Telefon for spørsmål: 03525")).isEmpty();
    }

    @Test
    void a_label_at_the_top_takes_the_number_below_it() {
        assertThat(PhoneNumbers.patientPhone("Hei,\n\nTelefon:\n\n22 11 80 80\n\nfor pasientrelatert informasjon\n\nMvh\nPer\nTlf 99 88 77 66"))
                .hasValue("+4722118080");
        assertThat(PhoneNumbers.patientPhone("Akutte henvendelser: 22 11 80 80\n\nMvh\nPer\nTlf 99 88 77 66")).hasValue("+4722118080");
    }

    @Test
    void a_phone_line_at_the_top_is_the_routine_number() {
        assertThat(PhoneNumbers.patientPhone("Telefon: 72 48 00 00\n\nVi oppgraderer i kveld.\n\nMvh\nKari\nMobil 99 88 77 66")).hasValue("+4772480000");
    }

    @Test
    void a_signature_number_is_no_patient_number() {
        assertThat(PhoneNumbers.patientPhone("Stopp i kveld.\n\nMed vennlig hilsen\nKari\nTlf 99 88 77 66 for spørsmål")).isEmpty();
        assertThat(PhoneNumbers.patientPhone("Oppgradering 12.03.2025 kl 16:00-20:00")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Planlagt stopp/forsinkelse i meldingstrafikk Orkland kommune 12.03.2025 | Orkland kommune",
        "Planlagt stopp i meldingstrafikk St. Olavs hospital HF                 | St. Olavs hospital HF",
        "Stopp i meldingsutveksling Helse Møre og Romsdal HF 12.03              | Helse Møre og Romsdal HF",
        "Feil i meldingsutveksling - Sykehuset Innlandet HF                     | Sykehuset Innlandet HF",
        "Planlagt stopp i meldingstrafikk Indre Fosen kommune                   | Indre Fosen kommune",
        "Hei. Vi i Nord-Fron kommune skal oppgradere                            | Nord-Fron kommune",
        "Oslo universitetssykehus HF har feil                                   | Oslo universitetssykehus HF",
        "Sykehuset i Vestfold HF: planlagt stopp                                | Sykehuset i Vestfold HF",
        "PLANLAGT STOPP I MELDINGSTRAFIKK TRONDHEIM KOMMUNE                     | Trondheim kommune",
        "Feil i meldingsutveksling mellom St. Olavs hospital og kommunene      | St. Olavs hospital",
        "Feil i meldingsutveksling - Helse Midt-Norge RHF                       | Helse Midt-Norge RHF",
        "Diakonhjemmet Sykehus har feil i mottak                                | Diakonhjemmet Sykehus",
        "Planlagt stopp i meldingstrafikk Bydel Grorud                          | Bydel Grorud",
        "Helse Nord IKT oppgraderer meldingstjeneren                            | Helse Nord IKT",
    })
    void organisations_as_they_name_themselves(String text, String name) {
        assertThat(Organisations.find(text)).first().isEqualTo(name);
    }

    @Test
    void a_known_partner_is_named_when_no_name_of_the_usual_form_is_found() {
        assertThat(Organisations.find("Norsk Helsenett bytter sertifikat")).isEmpty();
        assertThat(Organisations.known("Norsk Helsenett bytter sertifikat")).hasValue("Norsk Helsenett");
        assertThat(Organisations.known("Vi har feil i mottak av epikriser")).isEmpty();
    }

    @Test
    void a_template_placeholder_is_no_organisation() {
        assertThat(Organisations.find("Planlagt stopp/forsinkelse i meldingstrafikk XXX kommune/HF dato")).isEmpty();
    }

    @Test
    void a_persons_display_name_is_never_an_organisation() {
        assertThat(Organisations.person("Ola Sykehus")).isTrue();
        assertThat(Organisations.person("Kari Nordmann, Hemit")).isTrue();
        assertThat(Organisations.person("Diakonhjemmet Sykehus")).isFalse();
        assertThat(Organisations.person("St. Olavs hospital HF")).isFalse();
    }
}
