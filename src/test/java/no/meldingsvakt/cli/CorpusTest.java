package no.meldingsvakt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.message.MessageReader;
import org.junit.jupiter.api.Test;

/**
 * Every message of the corpus (src/test/corpus/generate.py writes it) through the same code path
 * as the {@code classify} command, against what a careful reader recorded for it.
 */
class CorpusTest {
    private static final Path CORPUS = Path.of("src", "test", "resources", "corpus");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_huge_subject_and_body_cannot_stall_reading() throws Exception {
        OrganisationConfig org = ClassifyCommand.organisation(Optional.empty(), Optional.empty());
        byte[] raw = ("From: kari@hemit.test\r\nSubject: Feil i meldingsutveksling " + "x".repeat(150_000) + "\r\nMessage-ID: <big@t>\r\n\r\n"
                + "y".repeat(300_000) + " 12.03 " + "1".repeat(100_000) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        // Not a speed measurement: a pathological regex would take hours here, not seconds.
        Map<String, Object> line = assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> ClassifyCommand.describe(org, new MessageReader(), "big.eml", raw, Instant.parse("2026-03-12T08:00:00Z")));
        assertThat(line.get("category")).isEqualTo("error");
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_corpus_message_is_read_as_a_careful_person_would() throws Exception {
        OrganisationConfig org = ClassifyCommand.organisation(Optional.of(CORPUS.resolve("config.yaml")), Optional.empty());
        MessageReader reader = new MessageReader();
        List<String> wrong = new ArrayList<>();
        List<String> lines = Files.readAllLines(CORPUS.resolve("expected.jsonl"));
        for (String l : lines) {
            Map<String, Object> expected = JSON.readValue(l, Map.class);
            String file = (String) expected.get("file");
            Map<String, Object> actual = JSON.readValue(JSON.writeValueAsString(
                    ClassifyCommand.describe(org, reader, file, Files.readAllBytes(CORPUS.resolve(file)), Instant.parse("2025-01-01T00:00:00Z"))), Map.class);
            expected.forEach((k, v) -> {
                if (!java.util.Objects.equals(v, actual.get(k))) {
                    wrong.add(file + ": " + k + " expected " + v + " but was " + actual.get(k));
                }
            });
        }
        assertThat(lines).hasSizeGreaterThanOrEqualTo(50);
        assertThat(wrong).as("corpus mismatches").isEmpty();
    }
}
