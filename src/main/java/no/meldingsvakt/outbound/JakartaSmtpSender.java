package no.meldingsvakt.outbound;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.auth.AuthException;
import no.meldingsvakt.auth.Credentials;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends over each organisation's own SMTP server, keeping one connection per organisation open
 * between mails. The stored bytes go out unchanged, so the Message-ID is the one recorded.
 */
public final class JakartaSmtpSender implements SmtpSender {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final Map<String, OrganisationConfig> orgs;
    private final Map<String, Credentials> credentials;
    private final Map<String, Transport> open = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public JakartaSmtpSender(List<OrganisationConfig> organisations, Map<String, Credentials> credentials) {
        this.credentials = credentials;
        this.orgs = new ConcurrentHashMap<>();
        organisations.forEach(o -> orgs.put(o.id(), o));
    }

    @Override
    public synchronized void send(String org, String envelopeFrom, List<String> recipients, byte[] raw) throws MessagingException {
        OrganisationConfig o = orgs.get(org);
        if (o == null) {
            throw new PermanentFailure("organisation " + org + " is no longer configured", null);
        }
        Session session = sessions.computeIfAbsent(org, k -> {
            Properties props = o.smtp().mailProperties("smtp", TIMEOUT);
            props.setProperty("mail." + o.smtp().protocol("smtp") + ".auth", "true");
            props.setProperty("mail." + o.smtp().protocol("smtp") + ".from", envelopeFrom);
            if (credentials.get(org).oauth2()) {
                props.setProperty("mail." + o.smtp().protocol("smtp") + ".auth.mechanisms", "XOAUTH2");
            }
            return Session.getInstance(props);
        });
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
        Address[] to = new Address[recipients.size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = new InternetAddress(recipients.get(i), false);
        }
        Transport t = transport(o, session);
        try {
            t.sendMessage(message, to);
        } catch (SendFailedException e) {
            close(org);
            if (isPermanent(e)) {
                throw new PermanentFailure("refused: " + e.getMessage(), e);
            }
            throw e;
        } catch (MessagingException | RuntimeException e) {
            close(org);
            throw e;
        }
    }

    private Transport transport(OrganisationConfig o, Session session) throws MessagingException {
        Transport t = open.get(o.id());
        if (t != null && t.isConnected()) {
            return t;
        }
        t = session.getTransport(o.smtp().protocol("smtp"));
        Credentials c = credentials.get(o.id());
        try {
            try {
                t.connect(o.smtp().host(), o.smtp().port(), c.user(), c.secret(false));
            } catch (AuthenticationFailedException e) {
                if (!c.oauth2()) {
                    throw e;
                }
                t.connect(o.smtp().host(), o.smtp().port(), c.user(), c.secret(true));
            }
        } catch (AuthException e) {
            throw new AuthenticationFailedException(e.getMessage());
        }
        open.put(o.id(), t);
        return t;
    }

    private static boolean isPermanent(SendFailedException e) {
        Exception next = e;
        while (next != null) {
            if (next instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500) {
                return true;
            }
            if (next instanceof SMTPSendFailedException s && s.getReturnCode() >= 500 && s.getReturnCode() != 552) {
                return true;
            }
            next = next instanceof MessagingException m ? m.getNextException() : null;
        }
        return false;
    }

    private void close(String org) {
        Transport t = open.remove(org);
        if (t != null) {
            try {
                t.close();
            } catch (MessagingException ignored) {
                // Already broken; a new connection is made on the next send.
            }
        }
    }

    @Override
    public void close() {
        open.keySet().forEach(this::close);
    }
}
