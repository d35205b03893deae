package no.meldingsvakt.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectClassifierTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Planlagt stopp/forsinkelse i meldingstrafikk Orkland kommune 12.03.2025 kl 16-20      | planned
            Planlagt stopp / forsinkelse i meldingstrafikk St. Olavs hospital HF                   | planned
            PLANLAGT STOPP/FORSINKELSE I MELDINGSTRAFIKK                                           | planned
            Stopp/ forsinkelse i meldingsutveksling Hitra kommune 3.4.2018 kl 08-10                | planned
            SV: VS: Planlagt nedetid i meldingsutvekslingen 12. mars                              | planned
            Planlagt stopp i meldingstrafikk                                                       | planned
            Feil i meldingsutveksling                                                              | error
            RE: SV: [EKSTERN] Feil i meldingsutveksling - Trondheim kommune                        | error
            Fwd: AW: feil  i   meldingsutvekslingen mellom kommunen og HF                          | error
            Feil i e-meldingsutveksling                                                            | error
            Orkland kommune: Feil i meldingsutveksling                                             | error
            Manglende kvittering                                                                   | missing-receipt
            Manglende kvitteringer på PLO-meldinger                                                | missing-receipt
            VS: Manglende applikasjonskvittering                                                   | missing-receipt
            [External] Manglende apprec                                                            | missing-receipt
            Viktig informasjon vedrørende meldingsutveksling                                       | important-info
            Viktig informasjon vedr. meldingsutveksling                                            | important-info
            SV: Viktig info om meldingsutveksling ved Helseplattformen                             | important-info
            Varsel om planlagt stopp i meldingstrafikk 12.03                                       | planned
            Informasjon om planlagt nedetid i meldingsutvekslingen                                 | planned
            Melding om feil i meldingsutveksling                                                   | error
            Feil i elektronisk meldingsutveksling                                                  | error
            Forsinkelser i meldingstrafikken                                                       | error
            Brudd i meldingsutvekslingen                                                           | error
            Problemer med meldingsutveksling                                                       | error
            Ikke mottatt kvittering                                                                | missing-receipt
            Varsel om strømbrudd                                                                   | none
            Problemer med skriveren                                                                | none
            Planlagt møte om rutiner                                                               | none
            Feil i faktura for mars                                                                | none
            Spørsmål om feil i meldingsutveksling fra i fjor                                       | none
            Manglende oppmøte på kurs                                                              | none
            Viktig informasjon om julebordet                                                       | none
            Planlagt julebord - feil dato                                                          | none
            Kvittering for innbetaling                                                             | none
            """)
    void classifies_standard_subjects_and_ignores_look_alikes(String subject, String expected) {
        Optional<Category> c = SubjectClassifier.classify(SubjectNormalizer.normalize(subject));
        assertThat(c.map(Category::id).orElse("none")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            =?iso-8859-1?Q?Viktig_informasjon_vedr=F8rende_meldingsutveksling?=                      | important-info
            =?utf-8?B?RmVpbCBpIG1lbGRpbmdzdXR2ZWtzbGluZw==?=                                         | error
            =?windows-1252?Q?SV:_Planlagt_stopp/forsinkelse_i_meldingstrafikk?=                      | planned
            """)
    void encoded_words_are_decoded_before_matching(String encoded, String expected) throws Exception {
        String decoded = jakarta.mail.internet.MimeUtility.decodeText(encoded);
        assertThat(SubjectClassifier.classify(SubjectNormalizer.normalize(decoded)).map(Category::id)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            SV: RE: VS: [EKSTERN] Feil                     | feil
            Re[2]: Fw: *EXTERNAL* Manglende kvittering     | manglende kvittering
            TR : Antw: WG: Planlagt stopp / forsinkelse    | planlagt stopp/forsinkelse
            """)
    void stacked_prefixes_and_tags_are_removed(String subject, String normalized) {
        assertThat(SubjectNormalizer.normalize(subject)).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Planlagt vedlikehold av parkeringsplassen     | none    | planned
            Planlagt oppgradering av ventilasjonsanlegget | none    | planned
            Planlagt nedetid 12. mai                      | none    | planned
            Planlagt stopp i meldingstrafikk              | planned | planned
            """)
    void words_common_outside_e_health_need_a_mail_about_messaging(String subject, String alone, String aboutMessaging) {
        String s = SubjectNormalizer.normalize(subject);
        assertThat(SubjectClassifier.classify(s, false).map(Category::id).orElse("none")).isEqualTo(alone);
        assertThat(SubjectClassifier.classify(s, true).map(Category::id).orElse("none")).isEqualTo(aboutMessaging);
    }

    @org.junit.jupiter.api.Test
    void services_are_found_in_words_with_norwegian_letters() {
        assertThat(ServiceDetector.detect("svar på laboratorieprøver og skolehelsetjenesten")).containsExactly("helsestasjon", "lab");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "helsestasjonsmeldinger   | helsestasjon",
        "legevaktsentralen        | legevakt",
        "labsvarene               | lab",
        "epikrisemeldinger        | epikrise",
        "fastlegemeldinger        | fastlege",
        "labyrint                 | ",
    })
    void services_are_found_in_compounds(String word, String service) {
        assertThat(ServiceDetector.detect("Feil med " + word + " i dag")).containsExactlyElementsOf(service == null ? java.util.List.of() : java.util.List.of(service));
    }

    @org.junit.jupiter.api.Test
    void html_is_not_the_reader_s_concern_here() {
        // Guard that the shared HTML-to-text helper keeps table cells apart, a label and its answer as "label: answer".
        assertThat(no.meldingsvakt.message.HtmlText.toText("<table><tr><td>Berørt</td><td>PLO</td></tr></table>")).contains("Berørt: PLO");
    }

    /** Each standard subject as people really write it: nynorsk, English, a typo, capitals, a ticket number, the sender's name first. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Planlagd stopp i meldingstrafikken Ørland kommune 12.03                                | planned
            Planlagd stans i meldingsutvekslinga                                                  | planned
            Feil i meldingsutvekslinga                                                            | error
            Manglande kvitteringar på PLO-meldingar                                               | missing-receipt
            Viktig informasjon om meldingsutvekslinga                                             | important-info
            Planned downtime - message exchange 12 March 18:00-20:00                              | planned
            Scheduled maintenance: messaging platform                                             | planned
            Error in message exchange                                                             | error
            Message exchange disruption                                                           | error
            Missing application receipts                                                          | missing-receipt
            Important information regarding message exchange                                      | important-info
            Planlgt stopp i meldingstrafikk                                                       | planned
            Feil i meldingsutvekslng                                                              | error
            Manglende kviteringer                                                                 | missing-receipt
            Viktig informasjon vedrørnde meldingsutveksling                                       | important-info
            FEIL I MELDINGSUTVEKSLING                                                             | error
            INC0012345 Feil i meldingsutveksling                                                  | error
            [#4711] Planlagt stopp i meldingstrafikk                                              | planned
            Sak 2025/123 - Manglende kvittering                                                   | missing-receipt
            Orkland kommune feil i meldingsutveksling                                             | error
            St. Olavs hospital HF planlagt stopp i meldingstrafikk                                | planned
            Meldingsutveksling - feil                                                             | error
            Meldingsutveksling: planlagt stopp                                                    | planned
            Endring i adresseregisteret                                                           | address-register
            Endringer i adresseregisteret for Orkland kommune                                     | address-register
            SV: Oppdatering av adresseregister                                                    | address-register
            Ny oppføring i adresseregisteret                                                      | address-register
            Address register update                                                               | address-register
            """)
    void standard_subjects_as_people_write_them(String subject, String expected) {
        Optional<Category> c = SubjectClassifier.classify(SubjectNormalizer.normalize(subject));
        assertThat(c.map(Category::id).orElse("none")).isEqualTo(expected);
    }

    /** Ordinary mail to the mailbox stays ordinary: typo tolerance never makes a notice of it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Planlegger møte om meldingsutveksling
            Feilmelding i skriveren
            Invitasjon: fagdag om meldingsutveksling
            Meldingsutveksling med nye kommuner
            Kvitteringer for reiseregning
            Informasjon om nytt telefonnummer
            Planned team lunch
            Missing keys in the office
            Important information about the Christmas party
            Error in invoice 4711
            Manglende parkering ved sykehuset
            Viktig informasjon om brannøvelse
            Stopp i heisen
            Planlagt permisjon
            Mellomlagring av meldinger
            """)
    void ordinary_subjects_stay_unknown(String subject) {
        assertThat(SubjectClassifier.classify(SubjectNormalizer.normalize(subject), false)).isEmpty();
    }

    /** Property-style: every standard subject of the list above, shouted, mistyped once, or behind a ticket number, keeps its category. */
    @org.junit.jupiter.api.Test
    void every_standard_subject_keeps_its_category_shouted_mistyped_or_behind_a_ticket_number() {
        java.util.List<String[]> standard = java.util.List.of(
                new String[] {"Planlagt stopp/forsinkelse i meldingstrafikk Orkland kommune 12.03.2025 kl 16-20", "planned"},
                new String[] {"Planlagt nedetid i meldingsutvekslingen 12. mars", "planned"},
                new String[] {"Feil i meldingsutveksling - Trondheim kommune", "error"},
                new String[] {"Feil i elektronisk meldingsutveksling", "error"},
                new String[] {"Manglende applikasjonskvittering", "missing-receipt"},
                new String[] {"Manglende kvitteringer på PLO-meldinger", "missing-receipt"},
                new String[] {"Viktig informasjon vedrørende meldingsutveksling", "important-info"},
                new String[] {"Endring i adresseregisteret", "address-register"});
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (String[] s : standard) {
            java.util.List<String> variants = new java.util.ArrayList<>(java.util.List.of(s[0].toUpperCase(java.util.Locale.ROOT),
                    "INC0012345 " + s[0], "[Sak #4711] " + s[0]));
            // One letter dropped from each long word in turn: a typo anywhere in the phrase.
            String[] words = s[0].split(" ");
            for (int w = 0; w < words.length; w++) {
                if (words[w].matches("\\p{L}{7,}")) {
                    String[] typo = words.clone();
                    typo[w] = typo[w].substring(0, 3) + typo[w].substring(4);
                    variants.add(String.join(" ", typo));
                }
            }
            for (String v : variants) {
                String got = SubjectClassifier.classify(SubjectNormalizer.normalize(v), true).map(Category::id).orElse("none");
                if (!got.equals(s[1])) {
                    wrong.add(v + " -> " + got);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
