package no.meldingsvakt.mailbox;

import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.action.Incoming;
import no.meldingsvakt.action.NoticePipeline;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.store.Intake;
import no.meldingsvakt.store.MessageLog;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to one message of a watched mailbox: recorded first (the pipeline's intake, in one
 * transaction), then filed by the {@link Marker}. A message already recorded is only filed; one
 * that fails while the connection is fine is retried on the next passes and quarantined on the
 * third failure, so one poison message is never retried forever.
 */
final class MessageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MessageHandler.class);
    private static final int MAX_ATTEMPTS = 3;

    private final OrganisationConfig org;
    private final NoticePipeline pipeline;
    private final MessageLog messages;
    private final IntakeEvents events;
    private final Clock clock;
    private final WatcherSettings settings;
    private final Map<Long, Integer> attempts = new HashMap<>();
    /** When the handler started on the message in hand (0: idle); the keepalive vouches only for a handler that moves. */
    private volatile long busySince;

    MessageHandler(OrganisationConfig org, NoticePipeline pipeline, MessageLog messages, IntakeEvents events, Clock clock, WatcherSettings settings) {
        this.org = org;
        this.pipeline = pipeline;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    void handle(IMAPFolder f, long uidValidity, long uid, Marker marker) throws MessagingException {
        Optional<Intake.MessageStatus> done = messages.recorded(org.id(), uidValidity, uid);
        if (done.isPresent()) {
            marker.mark(f, uid, done.get());
            return;
        }
        events.reading(org.id());
        long fetched = System.nanoTime();
        IMAPMessage m = (IMAPMessage) f.getMessageByUID(uid);
        if (m == null) {
            return;
        }
        long size = Math.max(0, m.getSize());
        Instant arrived = Optional.ofNullable(m.getReceivedDate()).map(java.util.Date::toInstant).orElse(clock.instant());
        boolean headersOnly = size > org.maxMessageBytes();
        byte[] bytes = headersOnly ? headerBlock(m) : raw(m);
        Intake intake;
        busySince = clock.millis();
        try {
            intake = pipeline.processWithin(org, new Incoming(uidValidity, uid, arrived, bytes, headersOnly, size), settings.messageDeadline());
        } finally {
            busySince = 0;
        }
        if (messages.record(intake)) {
            events.committed(intake, java.time.Duration.ofNanos(System.nanoTime() - fetched));
            LOG.info("mailbox {}: UID {} {} {} case={} mails={}{}", org.id(), uid, intake.status(), intake.category(),
                    intake.caseRef().orElse("-"), intake.mails().size(), intake.reason() == null ? "" : " (" + intake.reason() + ")");
        }
        attempts.remove(uid);
        marker.mark(f, uid, intake.status());
    }

    /** The message failed while the connection is fine: left for the next pass, quarantined the third time. */
    void failed(IMAPFolder f, long uidValidity, long uid, Exception e, Marker marker) throws MessagingException {
        int n = attempts.merge(uid, 1, Integer::sum);
        if (n < MAX_ATTEMPTS) {
            LOG.warn("mailbox {}: UID {} left for the next pass (attempt {} of {}): {}", org.id(), uid, n, MAX_ATTEMPTS, e.toString());
            return;
        }
        LOG.error("mailbox {}: UID {} failed {} times, quarantining it", org.id(), uid, n, e);
        byte[] bytes;
        try {
            bytes = raw((IMAPMessage) f.getMessageByUID(uid));
        } catch (MessagingException | RuntimeException unreadable) {
            bytes = new byte[0];
        }
        Intake q = pipeline.quarantine(org, new Incoming(uidValidity, uid, clock.instant(), bytes, false, bytes.length),
                "failed " + n + " times: " + e);
        if (messages.record(q)) {
            events.committed(q, java.time.Duration.ZERO);
        }
        attempts.remove(uid);
        marker.mark(f, uid, Intake.MessageStatus.QUARANTINED);
    }

    /**
     * Whether the handler is idle or still within its message's deadline (plus a margin for the
     * IMAP move). A live connection with a stuck handler is not a watched mailbox.
     */
    boolean progressing() {
        long since = busySince;
        return since == 0 || clock.millis() - since < settings.messageDeadline().plusSeconds(30).toMillis();
    }

    private static byte[] raw(IMAPMessage m) throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, m.getSize()));
        try {
            m.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("cannot fetch message", e);
        }
        return out.toByteArray();
    }

    private static byte[] headerBlock(IMAPMessage m) throws MessagingException {
        StringBuilder sb = new StringBuilder();
        Enumeration<String> lines = m.getAllHeaderLines();
        while (lines.hasMoreElements()) {
            sb.append(lines.nextElement()).append("\r\n");
        }
        return sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
