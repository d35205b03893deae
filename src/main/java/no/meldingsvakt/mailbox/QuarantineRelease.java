package no.meldingsvakt.mailbox;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.action.CaseRefs;
import no.meldingsvakt.auth.AuthException;
import no.meldingsvakt.auth.Credentials;
import no.meldingsvakt.config.OrganisationConfig;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Puts a quarantined message back in the inbox for another try: found in the quarantine folder by
 * its key (the Message-ID, or the digest of its bytes), copied to the inbox, where it arrives as a
 * new message, and removed from the quarantine folder. Runs on its own short connection, so the
 * watcher's IDLE is not disturbed; the watcher then sees the message like any other.
 */
public final class QuarantineRelease {
    /** How far back in the quarantine folder to look; older messages are released by hand in a mail client. */
    static final int MAX_LOOK = 2_000;

    private final Map<String, Credentials> credentials;
    private final Duration timeout;

    public QuarantineRelease(Map<String, Credentials> credentials, Duration timeout) {
        this.credentials = credentials;
        this.timeout = timeout;
    }

    /** Returns false when no message with this key is in the quarantine folder (anymore). */
    public boolean putBack(OrganisationConfig org, String messageKey) throws MessagingException, AuthException {
        IMAPStore s = ImapConnection.open(org, credentials.get(org.id()), timeout);
        try {
            IMAPFolder q = (IMAPFolder) s.getFolder(org.folders().quarantine());
            if (!q.exists()) {
                return false;
            }
            q.open(Folder.READ_WRITE);
            try {
                Optional<Message> found = find(q, messageKey);
                if (found.isEmpty()) {
                    return false;
                }
                long uid = q.getUID(found.get());
                if (s.hasCapability("MOVE")) {
                    UidCommands.move(q, uid, org.folders().inbox());
                } else {
                    UidCommands.copy(q, uid, org.folders().inbox());
                    found.get().setFlag(jakarta.mail.Flags.Flag.DELETED, true);
                    q.expunge(new Message[] {found.get()});
                }
                return true;
            } finally {
                q.close(false);
            }
        } finally {
            s.close();
        }
    }

    private static Optional<Message> find(IMAPFolder q, String key) throws MessagingException {
        int n = q.getMessageCount();
        for (int i = n; i >= Math.max(1, n - MAX_LOOK + 1); i--) {
            Message m = q.getMessage(i);
            if (key.startsWith("<")) {
                String[] ids = m.getHeader("Message-ID");
                if (ids != null && ids.length > 0 && ids[0].contains(key)) {
                    return Optional.of(m);
                }
            } else if (key.startsWith("sha256:") && key.equals(CaseRefs.messageKey(Optional.empty(), raw(m)))) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static byte[] raw(Message m) throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            m.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("cannot fetch message", e);
        }
        return out.toByteArray();
    }
}
