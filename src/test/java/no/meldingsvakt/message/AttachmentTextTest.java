package no.meldingsvakt.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class AttachmentTextTest {
    @Test
    void a_zip_bomb_docx_is_refused_quickly_and_leaves_the_service_standing() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                    + "</Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 1024; i++) {
                zip.write(zeros); // 1 GB of zeros, a megabyte compressed
            }
        }
        assertThat(bytes.size()).isLessThan(AttachmentText.MAX_INPUT_BYTES);
        Instant start = Instant.now();
        assertThat(AttachmentText.extract(bytes.toByteArray(), "bomb.docx")).isEmpty();
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void garbage_named_pdf_gives_no_text_and_no_exception() {
        assertThat(AttachmentText.extract("%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII), "x.pdf")).isEmpty();
    }

    @Test
    void an_attachment_over_the_size_limit_is_not_read() {
        assertThat(AttachmentText.extract(new byte[AttachmentText.MAX_INPUT_BYTES + 1], "big.pdf")).isEmpty();
    }
}
