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
import no.meldingsvakt.config.FallbackSmtp;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.config.ServerConfig;
import no.meldingsvakt.store.OutgoingMail;
import no.meldingsvakt.auth.AuthException;
import no.meldingsvakt.auth.Credentials;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends over each organisation's own SMTP server, keeping one connection per organisation open
 * between mails while it is in use (a burst reuses it) and closing it once idle, since many
 * organisations often share one relay with a limited number of sessions (Postfix: 100). The stored
 * bytes go out unchanged, so the Message-ID is the one recorded.
 */
public final class JakartaSmtpSender implements SmtpSender {
    private static final Logger LOG = LoggerFactory.getLogger(JakartaSmtpSender.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final Map<String, OrganisationConfig> orgs;
    private final Map<String, Credentials> credentials;
    private final Map<String, Transport> open = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    /** When each open connection last carried a mail (System.nanoTime). */
    private final Map<String, Long> lastUsed = new ConcurrentHashMap<>();

    private final java.util.Optional<FallbackSmtp> fallback;

    public JakartaSmtpSender(List<OrganisationConfig> organisations, Map<String, Credentials> credentials, java.util.Optional<FallbackSmtp> fallback) {
        this.credentials = credentials;
        this.fallback = fallback;
        this.orgs = new ConcurrentHashMap<>();
        organisations.forEach(o -> orgs.put(o.id(), o));
    }

    @Override
    public void send(String org, String via, String envelopeFrom, List<String> recipients, byte[] raw) throws MessagingException {
        Endpoint e = endpoint(org, via);
        // One connection per endpoint, used by one sender at a time; endpoints send in parallel.
        synchronized (locks.computeIfAbsent(e.key(), k -> new Object())) {
            sendVia(e, envelopeFrom, recipients, raw);
        }
    }

    @Override
    public void prepare(String org) {
        OrganisationConfig o = orgs.get(org);
        if (o == null) {
            return;
        }
        Endpoint e = new Endpoint(org, o.smtp(), credentials.get(org));
        // Checked before the lock too: during a burst a send holds it for a whole transaction, and the
        // connection it holds is the one this would open.
        if (open.containsKey(e.key())) {
            return;
        }
        synchronized (locks.computeIfAbsent(e.key(), k -> new Object())) {
            if (open.containsKey(e.key())) {
                return;
            }
            try {
                transport(e, session(e, false, o.address()));
            } catch (MessagingException | RuntimeException ex) {
                LOG.debug("organisation {}: SMTP connection not opened ahead: {}", org, ex.toString());
            }
        }
    }

    @Override
    public void closeIdle(Duration idle) {
        long now = System.nanoTime();
        for (String key : List.copyOf(open.keySet())) {
            Long used = lastUsed.get(key);
            if (used != null && now - used > idle.toNanos()) {
                synchronized (locks.computeIfAbsent(endpointOf(key), k -> new Object())) {
                    // Looked at again under the lock: a send may have used it meanwhile.
                    Long again = lastUsed.get(key);
                    if (again != null && System.nanoTime() - again > idle.toNanos()) {
                        close(key);
                    }
                }
            }
        }
    }

    /** How many connections are open (tests). */
    int openConnections() {
        return open.size();
    }

    /** The lock key of a connection key (a connection for SMTPUTF8 mail shares its endpoint's lock). */
    private static String endpointOf(String key) {
        return key.endsWith("#utf8") ? key.substring(0, key.length() - 5) : key;
    }

    private void sendVia(Endpoint plain, String envelopeFrom, List<String> recipients, byte[] raw) throws MessagingException {
        // An address with a non-ASCII local part may only travel with SMTPUTF8 (RFC 6531); never raw to a server that does not offer it.
        boolean utf8 = !ascii(envelopeFrom) || recipients.stream().anyMatch(r -> !ascii(r));
        Endpoint e = utf8 ? new Endpoint(plain.key() + "#utf8", plain.server(), plain.credentials()) : plain;
        Session session = session(e, utf8, envelopeFrom);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
        Address[] to = new Address[recipients.size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = new InternetAddress(recipients.get(i), false);
        }
        Transport t = transport(e, session);
        if (utf8 && !(t instanceof SMTPTransport smtp && smtp.supportsExtension("SMTPUTF8"))) {
            throw new PermanentFailure("an address needs SMTPUTF8, which " + e.server().host() + " does not offer; not sent: "
                    + String.join(", ", recipients.stream().filter(r -> !ascii(r)).toList()), null);
        }
        try {
            t.sendMessage(message, to);
            lastUsed.put(e.key(), System.nanoTime());
        } catch (SendFailedException ex) {
            close(e.key());
            if (ex.getValidSentAddresses() != null && ex.getValidSentAddresses().length > 0) {
                throw partial(ex);
            }
            if (isPermanent(ex)) {
                throw new PermanentFailure("refused: " + ex.getMessage(), ex);
            }
            throw ex;
        } catch (MessagingException | RuntimeException ex) {
            close(e.key());
            throw ex;
        }
    }

    private Session session(Endpoint e, boolean utf8, String envelopeFrom) {
        return sessions.computeIfAbsent(e.key(), k -> {
            Properties props = e.server().mailProperties("smtp", TIMEOUT);
            if (utf8) {
                props.setProperty("mail.mime.allowutf8", "true");
            }
            props.setProperty("mail." + e.server().protocol("smtp") + ".auth", "true");
            // A copy for several staff goes in one transaction: one refused address must not hold it back from the others.
            props.setProperty("mail." + e.server().protocol("smtp") + ".sendpartial", "true");
            props.setProperty("mail." + e.server().protocol("smtp") + ".from", envelopeFrom);
            if (e.credentials().oauth2()) {
                props.setProperty("mail." + e.server().protocol("smtp") + ".auth.mechanisms", "XOAUTH2");
            }
            return Session.getInstance(props);
        });
    }

    /** Sent to some: the refused are those the server answered 5xx for, the rest of the unsent are tried again. */
    private static PartialDelivery partial(SendFailedException ex) {
        java.util.Set<String> refused = new java.util.HashSet<>();
        Exception next = ex;
        while (next != null) {
            if (next instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500) {
                refused.add(a.getAddress().getAddress().toLowerCase(java.util.Locale.ROOT));
            }
            next = next instanceof MessagingException m ? m.getNextException() : null;
        }
        java.util.Set<String> deferred = new java.util.HashSet<>();
        for (Address[] unsent : new Address[][] {ex.getInvalidAddresses(), ex.getValidUnsentAddresses()}) {
            for (Address a : unsent == null ? new Address[0] : unsent) {
                String address = ((InternetAddress) a).getAddress().toLowerCase(java.util.Locale.ROOT);
                if (!refused.contains(address)) {
                    deferred.add(address);
                }
            }
        }
        return new PartialDelivery("sent to " + ex.getValidSentAddresses().length + ", refused " + refused + ", to retry " + deferred
                + ": " + ex.getMessage(), refused, deferred, ex);
    }

    /** Where a mail goes out: the organisation's server, or the fallback for alerts about a broken one. */
    private Endpoint endpoint(String org, String via) throws PermanentFailure {
        if (OutgoingMail.VIA_FALLBACK.equals(via) && fallback.isPresent()) {
            FallbackSmtp f = fallback.get();
            return new Endpoint("fallback", f.server(), Credentials.password(f.user(), f.password()));
        }
        OrganisationConfig o = orgs.get(org);
        if (o == null) {
            throw new PermanentFailure("organisation " + org + " is no longer configured", null);
        }
        return new Endpoint(org, o.smtp(), credentials.get(org));
    }

    private record Endpoint(String key, ServerConfig server, Credentials credentials) {}

    private Transport transport(Endpoint e, Session session) throws MessagingException {
        Transport t = open.get(e.key());
        if (t != null && t.isConnected()) {
            return t;
        }
        t = session.getTransport(e.server().protocol("smtp"));
        Credentials c = e.credentials();
        try {
            String secret = c.secret(false);
            try {
                t.connect(e.server().host(), e.server().port(), c.user(), secret);
            } catch (AuthenticationFailedException ex) {
                if (!c.oauth2()) {
                    throw ex;
                }
                t.connect(e.server().host(), e.server().port(), c.user(), c.renewed(secret));
            }
        } catch (AuthException ex) {
            throw new AuthenticationFailedException(ex.getMessage());
        }
        open.put(e.key(), t);
        lastUsed.put(e.key(), System.nanoTime());
        return t;
    }

    static boolean ascii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
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
        lastUsed.remove(org);
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
