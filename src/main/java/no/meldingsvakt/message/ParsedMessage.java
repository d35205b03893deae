package no.meldingsvakt.message;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What Meldingsvakt read from one mail. {@code raw} is the message exactly as the server held it
 * (it is attached whole to redistributed copies); {@code headersOnly} is set when the message was
 * larger than the configured limit and only its header was fetched.
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
        byte[] raw,
        boolean headersOnly) {

    /** Where a reply goes: Reply-To if given, else From. */
    public Optional<String> replyAddress() {
        return replyTo.or(() -> fromAddress);
    }

    public Optional<String> senderDomain() {
        return fromAddress.map(a -> a.substring(a.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT));
    }
}
