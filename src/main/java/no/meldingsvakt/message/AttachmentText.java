package no.meldingsvakt.message;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
 * {@link AutoDetectParser}), and each parse runs on a small fixed pool with a deadline (10 s, or
 * what is left of the message's own deadline). A parse that does not finish is interrupted; one
 * that does not stop even then is written off: its thread is left to itself, the pool gets a fresh
 * thread in its place, and after {@value #MAX_LOST} such threads Tika is switched off (attachments
 * are then read as having no text, and the log says so) rather than let them eat the machine.
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
    static final int POOL = 2;
    static final int MAX_LOST = 4;
    private static final AtomicInteger LOST = new AtomicInteger();
    // Daemon threads: an abandoned spinning parse can never keep the JVM from stopping. The queue
    // is bounded: a flood of attachments waits for the deadline, it does not pile up in memory.
    private static final java.util.concurrent.ThreadPoolExecutor WORKERS = new java.util.concurrent.ThreadPoolExecutor(POOL, POOL,
            30, TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(64), r -> {
                Thread t = new Thread(r, "attachment-text-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            }, new java.util.concurrent.ThreadPoolExecutor.AbortPolicy());
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
        if (LOST.get() >= MAX_LOST) {
            LOG.error("Attachment {} not read: {} Tika parses never stopped; restart the service to read attachments again", fileName, LOST.get());
            return Optional.empty();
        }
        long timeout = Math.min(TIMEOUT_MS, Deadline.remaining().map(java.time.Duration::toMillis).orElse(TIMEOUT_MS));
        if (timeout <= 0) {
            return Optional.empty();
        }
        Future<String> job;
        java.util.concurrent.atomic.AtomicReference<Thread> runner = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            job = WORKERS.submit(() -> {
                runner.set(Thread.currentThread());
                try {
                    return parse(content, fileName);
                } finally {
                    runner.set(null);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.warn("Attachment {} not read: every Tika worker is busy and the queue is full", fileName);
            return Optional.empty();
        }
        try {
            String text = job.get(timeout, TimeUnit.MILLISECONDS).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (TimeoutException e) {
            job.cancel(true);
            LOG.warn("Attachment {} took more than {} ms to read; its text is ignored", fileName, timeout);
            watchStuck(runner);
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

    /** How many parses never stopped after their deadline (their threads are written off). */
    public static int lostWorkers() {
        return LOST.get();
    }

    /**
     * A cancelled parse whose worker is still busy a moment later ignored the interrupt: the pool
     * gets one more thread so the others are not starved, up to {@link #MAX_LOST}.
     */
    private static void watchStuck(java.util.concurrent.atomic.AtomicReference<Thread> runner) {
        Thread watcher = new Thread(() -> {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
            if (runner.get() != null && LOST.get() < MAX_LOST) {
                int lost = LOST.incrementAndGet();
                synchronized (WORKERS) {
                    // Raise the maximum first: a core size above the maximum is refused.
                    WORKERS.setMaximumPoolSize(POOL + lost);
                    WORKERS.setCorePoolSize(POOL + lost);
                }
                LOG.error("A Tika parse did not stop when cancelled; its thread is written off ({} of at most {})", lost, MAX_LOST);
            }
        }, "attachment-text-watch");
        watcher.setDaemon(true);
        watcher.start();
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
