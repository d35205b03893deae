package no.meldingsvakt.message;

import java.time.Instant;
import java.util.Optional;

/**
 * The original message inside a forward: who first sent it, its subject and its text. {@code form}
 * names how it was found ({@code rfc822}, {@code outlook}, {@code gmail}, {@code thunderbird},
 * {@code apple}); {@code dateText} is the date line as the forwarding client wrote it, for when
 * no machine-readable {@code date} exists.
 */
public record Forward(
        Optional<String> fromAddress,
        Optional<String> fromName,
        String subject,
        Optional<Instant> date,
        String dateText,
        String text,
        String form) {

    /** Names and subjects written in a forwarded header are as hostile as any other: cleaned here, once. */
    public Forward {
        fromName = fromName.map(Clean::line);
        subject = Clean.line(subject);
        dateText = Clean.line(dateText);
    }
}
