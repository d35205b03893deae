package no.meldingsvakt.message;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What Meldingsvakt read from one mail. {@code raw} is the message exactly as the server held it
 * (it is attached whole to redistributed copies); {@code headersOnly} is set when the message was
 * larger than the configured limit and only its header was fetched. {@code text} is the readable
 * body, {@code documentText} the text of its PDF and Word attachments, and {@code forward} the
 * original message when this one forwards it.
 */
public record ParsedMessage(
        Optional<String> messageId,
        List<String> inReplyTo,
        List<String> references,
        String subject,
        Optional<String> fromAddress,
        Optional<String> fromName,
        Optional<String> replyTo,
        Optional<Instant> date,
        Headers headers,
        String contentType,
        String text,
        String documentText,
        Optional<Forward> forward,
        byte[] raw,
        boolean headersOnly) {

    /** The subject and the sender's name end up in logs, templates and headers: cleaned here, once. */
    public ParsedMessage {
        subject = Clean.line(subject);
        fromName = fromName.map(Clean::line);
    }

    /** Where a reply goes: Reply-To if given, else From. */
    public Optional<String> replyAddress() {
        return replyTo.or(() -> fromAddress);
    }

    /** The sender whose notice this is: the original sender of a forward, else From. */
    public Optional<String> originalSender() {
        return forward.isPresent() ? forward.get().fromAddress() : fromAddress;
    }

    /** The subject the notice was sent with: the forwarded message's, else this one's. */
    public String originalSubject() {
        return forward.map(Forward::subject).filter(s -> !s.isBlank()).orElse(subject);
    }

    /** Everything the notice says: its body (the forwarded part when forwarded) and its documents. */
    public String noticeText() {
        String body = forward.map(Forward::text).orElse(text);
        return documentText.isBlank() ? body : body + "\n\n" + documentText;
    }

    /** The domain of the original sender: routes by sender follow the notice, not whoever forwarded it. */
    public Optional<String> senderDomain() {
        return originalSender().map(a -> a.substring(a.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT));
    }
}
