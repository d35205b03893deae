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

    @Test
    void no_parse_starts_once_the_messages_deadline_has_passed() {
        assertThat(AttachmentText.extract(docx("Planlagt stopp 12.03.2026"), "varsel.docx")).hasValueSatisfying(t -> assertThat(t).contains("Planlagt stopp"));
        Deadline.set(Instant.now().minusSeconds(1));
        try {
            Instant start = Instant.now();
            assertThat(AttachmentText.extract(docx("Planlagt stopp 12.03.2026"), "varsel.docx")).isEmpty();
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(500));
        } finally {
            Deadline.clear();
        }
    }

    @Test
    void twenty_attachments_at_once_are_read_on_the_small_fixed_pool() throws Exception {
        java.util.List<Thread> callers = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger read = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        for (int i = 0; i < 20; i++) {
            Thread t = new Thread(() -> {
                AttachmentText.extract(docx("Feil i meldingsutveksling"), "v.docx").ifPresent(x -> read.incrementAndGet());
                most.accumulateAndGet(workers(), Math::max);
            });
            callers.add(t);
            t.start();
        }
        for (Thread t : callers) {
            t.join();
        }
        assertThat(read.get()).isEqualTo(20);
        assertThat(most.get()).isLessThanOrEqualTo(AttachmentText.POOL + AttachmentText.lostWorkers());
    }

    private static int workers() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("attachment-text-")
                && !t.getName().equals("attachment-text-watch")).count();
    }

    /** A minimal Word document with one paragraph. */
    private static byte[] docx(String text) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                        + "</Types>");
                entry(zip, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
                        + " Target=\"word/document.xml\"/></Relationships>");
                entry(zip, "word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                        + "<w:body><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:body></w:document>");
            }
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws java.io.IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
    }
}
