package no.meldingsvakt.monitor;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import no.meldingsvakt.auth.AuthException;
import no.meldingsvakt.auth.Credentials;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.config.ServerConfig;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Logs in to every configured mailbox and SMTP server and says, in plain words, what works and
 * what does not: the first thing an administrator runs.
 */
public final class ConnectionCheck {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** One line of the report. */
    public record Line(boolean ok, String text) {}

    public List<Line> check(AppConfig config) {
        List<Line> out = new ArrayList<>();
        for (OrganisationConfig org : config.organisations()) {
            Credentials c = Credentials.of(org, http, Clock.systemUTC(), TIMEOUT);
            out.add(imap(org, c));
            out.add(smtp(org.id(), org.smtp(), c));
        }
        config.fallbackSmtp().ifPresent(f -> out.add(smtp("fallback", f.server(), Credentials.password(f.user(), f.password()))));
        return out;
    }

    private Line imap(OrganisationConfig org, Credentials c) {
        String where = org.id() + ": IMAP " + org.imap().host() + ":" + org.imap().port() + " (" + org.imap().security().name().toLowerCase()
                + ") as " + c.user();
        Properties props = org.imap().mailProperties("imap", TIMEOUT);
        if (c.oauth2()) {
            props.setProperty("mail." + org.imap().protocol("imap") + ".auth.mechanisms", "XOAUTH2");
        }
        try {
            IMAPStore s = (IMAPStore) Session.getInstance(props).getStore(org.imap().protocol("imap"));
            s.connect(org.imap().host(), org.imap().port(), c.user(), c.secret(false));
            try {
                StringBuilder sb = new StringBuilder(where).append(": OK");
                sb.append(s.hasCapability("IDLE") ? ", IDLE" : ", no IDLE (will poll every " + org.pollSeconds() + " s)");
                sb.append(s.hasCapability("MOVE") ? ", MOVE" : ", no MOVE (handled mail gets keyword " + org.folders().keyword() + ")");
                Folder inbox = s.getFolder(org.folders().inbox());
                sb.append("; ").append(org.folders().inbox()).append(inbox.exists() ? " has " + inbox.getMessageCount() + " message(s)" : " DOES NOT EXIST");
                for (String name : List.of(org.folders().processed(), org.folders().quarantine())) {
                    sb.append("; ").append(name).append(s.getFolder(name).exists() ? " exists" : " will be created");
                }
                return new Line(inbox.exists(), sb.toString());
            } finally {
                s.close();
            }
        } catch (MessagingException | AuthException e) {
            return failure(where, e);
        }
    }

    private Line smtp(String name, ServerConfig server, Credentials c) {
        String where = name + ": SMTP " + server.host() + ":" + server.port() + " (" + server.security().name().toLowerCase() + ") as " + c.user();
        Properties props = server.mailProperties("smtp", TIMEOUT);
        props.setProperty("mail." + server.protocol("smtp") + ".auth", "true");
        if (c.oauth2()) {
            props.setProperty("mail." + server.protocol("smtp") + ".auth.mechanisms", "XOAUTH2");
        }
        try (Transport t = Session.getInstance(props).getTransport(server.protocol("smtp"))) {
            t.connect(server.host(), server.port(), c.user(), c.secret(false));
            return new Line(true, where + ": OK");
        } catch (MessagingException | AuthException e) {
            return failure(where, e);
        }
    }

    /** The failure in an administrator's words: refused login, no token, or no connection at all. */
    private static Line failure(String where, Exception e) {
        if (e instanceof AuthenticationFailedException) {
            return new Line(false, where + ": login refused by the server (" + e.getMessage() + ")");
        }
        if (e instanceof AuthException) {
            return new Line(false, where + ": no token: " + e.getMessage());
        }
        if (untrustedCertificate(e)) {
            return new Line(false, where + ": the server's certificate is not trusted by this machine (signed by a private CA?):"
                    + " set ca_file to that CA's PEM for this server, or ssl_trust to the host for a self-signed test server");
        }
        return new Line(false, where + ": cannot connect: " + rootCause(e));
    }

    private static boolean untrustedCertificate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.security.cert.CertPathValidatorException
                    || t.getClass().getName().endsWith("SunCertPathBuilderException")
                    || String.valueOf(t.getMessage()).contains("PKIX path building failed")) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
        return msg.replaceAll("\\s+", " ");
    }

}
