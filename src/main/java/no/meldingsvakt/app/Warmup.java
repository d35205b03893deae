package no.meldingsvakt.app;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.action.Assessment;
import no.meldingsvakt.calendar.BusinessCalendar;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.message.MessageReader;
import no.meldingsvakt.message.ParsedMessage;
import no.meldingsvakt.message.UnreadableMessageException;
import no.meldingsvakt.outbound.MailFactory;
import no.meldingsvakt.template.Rendered;
import no.meldingsvakt.template.TemplateRenderer;

/**
 * Reads, classifies and renders one made-up notice at start, before any mailbox is watched, and
 * keeps nothing of it. The first real notice after a restart would otherwise pay for loading the
 * parser, Tika, the holiday calendar and the templates (measured: a burst started on a cold
 * service saw 49 threads wait 17 s in all for the holiday library's first load).
 */
final class Warmup {
    private static final byte[] SAMPLE = ("From: Partner <varsel@partner.invalid>\r\nTo: warmup@meldingsvakt.invalid\r\n"
            + "Subject: Feil i meldingsutveksling\r\nMessage-ID: <warmup@meldingsvakt.invalid>\r\nDate: Thu, 12 Mar 2026 09:00:00 +0100\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b\"\r\n\r\n--b\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + "Feil fra kl. 08:00 til 10:00. Telefon for pasientinformasjon: 72 48 00 00. Berørt tjeneste: PLO.\r\n--b\r\n"
            + "Content-Type: text/html; charset=utf-8\r\n\r\n<p>Feil fra kl. 08:00 til 10:00. Telefon 72 48 00 00.</p>\r\n--b--\r\n")
            .getBytes(StandardCharsets.UTF_8);

    private Warmup() {}

    /** How long it took; a failure here is logged by the caller and costs nothing but the warm start. */
    static Duration run(OrganisationConfig org, TemplateRenderer templates, MailFactory mail, Clock clock) throws UnreadableMessageException {
        long t0 = System.nanoTime();
        int year = Year.now(clock).getValue();
        BusinessCalendar.holidays(year);
        BusinessCalendar.holidays(year + 1);
        ParsedMessage m = new MessageReader().read(SAMPLE);
        Assessment.of(org, m, clock.instant());
        Map<String, Object> values = Map.of("organisation", org.name(), "originalSubject", m.subject(), "lists", "warmup");
        MailFactory.Sender from = new MailFactory.Sender(org.address(), "Meldingsvakt");
        Rendered copy = templates.render("redistribution", values);
        mail.copy(from, List.of("a@meldingsvakt.invalid", "b@meldingsvakt.invalid"), copy, Optional.of(SAMPLE), "<warmup-copy@meldingsvakt.invalid>");
        Rendered receipt = templates.render("receipt", values);
        mail.receipt(from, "varsel@partner.invalid", receipt, m.messageId(), List.of(), "<warmup-receipt@meldingsvakt.invalid>");
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
