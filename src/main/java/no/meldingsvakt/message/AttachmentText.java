package no.meldingsvakt.message;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text of PDF and Word attachments, through Apache Tika. A hostile attachment must not hang
 * or exhaust the service: input and output are capped, Tika's zip-bomb guard is on (it is part of
 * {@link AutoDetectParser}), and each parse runs on a worker with a deadline; a parse that does
 * not finish is abandoned and the attachment is read as having no text.
 */
public final class AttachmentText {
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentText.class);
    /** Notices are a page or two; more than this is not a notice worth waiting for. */
    public static final int MAX_INPUT_BYTES = 10 * 1024 * 1024;
    public static final int MAX_TEXT_CHARS = 200_000;
    private static final long TIMEOUT_MS = 10_000;
    private static final Set<String> TYPES = Set.of(
            "application/pdf",
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/rtf", "text/rtf",
            "application/vnd.oasis.opendocument.text");
    private static final AtomicInteger THREADS = new AtomicInteger();
    // Daemon threads: an abandoned spinning parse can never keep the JVM from stopping.
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "attachment-text-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private static final Parser PARSER = new AutoDetectParser();

    private AttachmentText() {}

    /** Whether an attachment of this MIME type or file name is worth reading. */
    public static boolean wanted(String mimeType, String fileName) {
        String type = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return TYPES.contains(type) || name.endsWith(".pdf") || name.endsWith(".docx") || name.endsWith(".doc")
                || name.endsWith(".rtf") || name.endsWith(".odt");
    }

    /** The attachment's text, or empty when it is too large, unreadable or too slow to read. */
    public static Optional<String> extract(byte[] content, String fileName) {
        if (content.length == 0 || content.length > MAX_INPUT_BYTES) {
            return Optional.empty();
        }
        Future<String> job = WORKERS.submit(() -> parse(content, fileName));
        try {
            String text = job.get(TIMEOUT_MS, TimeUnit.MILLISECONDS).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (TimeoutException e) {
            job.cancel(true);
            LOG.warn("Attachment {} took more than {} ms to read; its text is ignored", fileName, TIMEOUT_MS);
            return Optional.empty();
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            LOG.info("Attachment {} could not be read: {}", fileName, rootMessage(e));
            return Optional.empty();
        }
    }

    private static String parse(byte[] content, String fileName) throws Exception {
        BodyContentHandler handler = new BodyContentHandler(MAX_TEXT_CHARS);
        Metadata meta = new Metadata();
        if (fileName != null) {
            meta.set("resourceName", fileName);
        }
        try {
            PARSER.parse(new ByteArrayInputStream(content), handler, meta, new ParseContext());
        } catch (org.xml.sax.SAXException e) {
            // Hitting the write limit ends the parse early; the text read so far is what we want.
            if (!String.valueOf(e.getMessage()).contains("limit")) {
                throw e;
            }
        }
        return handler.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
