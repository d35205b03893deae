package no.meldingsvakt.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import no.meldingsvakt.classify.Category;
import no.meldingsvakt.classify.Classifier;
import no.meldingsvakt.config.NoticeChecks;
import no.meldingsvakt.message.MessageReader;
import no.meldingsvakt.message.ParsedMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every line of the routine's incident form and every way of saying nothing, a notice that
 * leaves that line unanswered yields no value for it, while the other lines still give theirs.
 */
class UnansweredFormTest {
    private static final String[] LINES = {
        "Telefonnummer for mottak av pasientrelaterte opplysninger ved nedetid: ",
        "Tidspunkt hendelsen oppstod: ",
        "Berørt tjeneste (for eksempel PLO eller helsestasjon): ",
        "Iverksatte tiltak (for eksempel kontaktet leverandør): ",
        "Når normal e-meldingskommunikasjon forventes å være på plass: "};
    private static final String[] ANSWERS = {"72 48 00 00", "12.03.2026 kl. 08:15", "Epikriser", "Kontaktet leverandør", "12.03.2026 kl. 14:00"};
    private static final List<String> NOTHING = List.of("", "Ukjent", "ikke kjent", "-", "?", "Ikke aktuelt");

    /** What each line yields, as text, or "" for nothing. */
    private static final List<Function<Read, String>> VALUES = List.of(
            r -> r.details.phone().orElse(""),
            r -> r.details.windowStart().map(Object::toString).orElse(""),
            r -> String.join(",", r.services),
            r -> "",
            r -> r.details.windowEnd().map(Object::toString).orElse(""));

    record Read(NoticeDetails details, java.util.Set<String> services) {}

    static Stream<Arguments> unanswered() {
        return Stream.of(0, 1, 2, 4).flatMap(line -> NOTHING.stream().map(nothing -> Arguments.of(line, nothing)));
    }

    @ParameterizedTest(name = "line {0} answered with \"{1}\"")
    @MethodSource("unanswered")
    void a_line_answered_with_nothing_gives_nothing_and_the_others_still_count(int line, String nothing) throws Exception {
        Read full = read(-1, "");
        Read blank = read(line, nothing);
        for (int i = 0; i < LINES.length; i++) {
            String expected = VALUES.get(i).apply(full);
            assertThat(VALUES.get(i).apply(blank)).as("line " + i).isEqualTo(i == line ? "" : expected);
        }
        assertThat(full.services).containsExactly("epikrise");
        assertThat(full.details.phone()).contains("+4772480000");
        assertThat(full.details.windowStart()).map(Object::toString).hasValueSatisfying(t -> assertThat(t).startsWith("2026-03-12T08:15"));
        assertThat(full.details.windowEnd()).map(Object::toString).hasValueSatisfying(t -> assertThat(t).startsWith("2026-03-12T14:00"));
        if (line == 0) {
            assertThat(blank.details.problems()).extracting(Problem::id).contains("no-phone");
        }
        if (line == 4) {
            assertThat(blank.details.problems()).extracting(Problem::id).contains("no-expected-end");
        }
    }

    private static Read read(int blankLine, String nothing) throws Exception {
        StringBuilder body = new StringBuilder("Vi melder feil i henhold til rutinen.\r\n\r\n");
        for (int i = 0; i < LINES.length; i++) {
            body.append(LINES[i]).append(i == blankLine ? nothing : ANSWERS[i]).append("\r\n");
        }
        String raw = "From: Drift <drift@malvik.kommune.no>\r\nSubject: Feil i meldingsutveksling Malvik kommune\r\n"
                + "Date: Thu, 12 Mar 2026 09:00:00 +0100\r\nMessage-ID: <f@malvik.kommune.no>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body;
        ParsedMessage m = new MessageReader().read(raw.getBytes(StandardCharsets.UTF_8));
        NoticeDetails d = NoticeExtractor.extract(m, Category.ERROR, Instant.parse("2026-03-12T08:00:00Z"), "Orkland kommune", NoticeChecks.defaults());
        return new Read(d, Classifier.classify(m, "meldingsansvarlig@orkland.kommune.no", Map.of()).services());
    }
}
