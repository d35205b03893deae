package no.meldingsvakt.mailbox;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import no.meldingsvakt.auth.AuthException;
import no.meldingsvakt.auth.Credentials;
import no.meldingsvakt.config.OrganisationConfig;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens an IMAP connection to an organisation's mailbox, the same way for every reader of it. */
final class ImapConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ImapConnection.class);

    private ImapConnection() {}

    /**
     * One Session per mailbox and timeout, shared by its connections: a Session reads the
     * provider lists from the class path when made, which thousands of reconnects should not repeat.
     */
    private static final Map<String, Session> SESSIONS = new ConcurrentHashMap<>();

    static IMAPStore open(OrganisationConfig org, Credentials credentials, Duration readTimeout) throws MessagingException, AuthException {
        Session session = SESSIONS.computeIfAbsent(org.id() + "|" + org.imap() + "|" + readTimeout + "|" + credentials.oauth2(), k -> {
            Properties props = org.imap().mailProperties("imap", readTimeout);
            String p = "mail." + org.imap().protocol("imap") + ".";
            // Fetching must not mark mail as read: staff may also read this mailbox by hand.
            props.setProperty(p + "peek", "true");
            props.setProperty(p + "partialfetch", "false");
            if (credentials.oauth2()) {
                props.setProperty(p + "auth.mechanisms", "XOAUTH2");
            }
            return Session.getInstance(props);
        });
        IMAPStore s = (IMAPStore) session.getStore(org.imap().protocol("imap"));
        login(org, credentials, s);
        return s;
    }

    /** Logs in; a rejected OAuth2 token is replaced by a fresh one once before giving up. */
    private static void login(OrganisationConfig org, Credentials credentials, IMAPStore s) throws MessagingException, AuthException {
        String secret = credentials.secret(false);
        try {
            s.connect(org.imap().host(), org.imap().port(), credentials.user(), secret);
        } catch (AuthenticationFailedException e) {
            if (!credentials.oauth2()) {
                throw e;
            }
            LOG.info("mailbox {}: token rejected, fetching a new one and trying once more", org.id());
            s.connect(org.imap().host(), org.imap().port(), credentials.user(), credentials.renewed(secret));
        }
    }
}
