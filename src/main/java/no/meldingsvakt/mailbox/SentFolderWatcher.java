package no.meldingsvakt.mailbox;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.meldingsvakt.action.CaseRefs;
import no.meldingsvakt.auth.AuthException;
import no.meldingsvakt.auth.Credentials;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.store.Cases;
import no.meldingsvakt.store.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the monitored mailbox's Sent folder: a reply a person sent from the mailbox itself (by
 * hand, in Outlook or webmail) answers its case, and the reminders stop. Read-only: nothing in the
 * folder is changed. Looked at now and then ({@link #scanOnce()}, scheduled by the service), since a
 * reply a minute late changes nothing; our own automatic mail (receipts saved by the server) is skipped.
 */
public final class SentFolderWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(SentFolderWatcher.class);
    private static final Pattern MSG_ID = Pattern.compile("<[^<>\\s]+>");
    private final OrganisationConfig org;
    private final String folderName;
    private final Credentials credentials;
    private final Store store;
    private final Cases cases;
    private final Duration every;
    private final Duration readTimeout;
    private final FolderProbe probe;
    private IMAPStore imap;
    private boolean missingReported;
    private FolderStatus lookedAt;

    public SentFolderWatcher(OrganisationConfig org, String folderName, Credentials credentials, Store store, Cases cases, Duration every,
            Duration readTimeout, FolderProbe probe) {
        this.probe = probe;
        this.org = org;
        this.folderName = folderName;
        this.credentials = credentials;
        this.store = store;
        this.cases = cases;
        this.every = every;
        this.readTimeout = readTimeout;
    }

    /**
     * One look at the folder on a connection of its own, closed afterwards: between looks the Sent
     * folder costs the server no connection, which matters with hundreds of mailboxes. A failure is
     * logged and the next look tries again.
     */
    public void scanOnce() {
        // The watcher's connection tells whether anything was added since the last look: most minutes
        // nothing was, and the look (a login, a SELECT) is skipped. Without that answer, look.
        Optional<FolderStatus> now = probe.status(org.id(), folderName);
        if (now.isPresent() && (now.get().equals(lookedAt) || settledWithoutLooking(now.get()))) {
            lookedAt = now.get();
            return;
        }
        try {
            imap = ImapConnection.open(org, credentials, readTimeout);
            scan();
            lookedAt = now.orElse(null);
        } catch (MessagingException | AuthException | RuntimeException e) {
            LOG.warn("Sent folder of {}: {}; trying again in {} s", org.address(), e.getMessage(), every.toSeconds());
        } finally {
            disconnect();
        }
    }

    /**
     * What STATUS alone settles: a folder never read before starts at its end (what was sent
     * before Meldingsvakt watched it answers nothing it knows), and one whose last UID is the last
     * one read has nothing new.
     */
    private boolean settledWithoutLooking(FolderStatus st) {
        long last = cases.sentFolderPosition(org.id(), st.uidValidity());
        if (last < 0) {
            cases.saveSentFolderPosition(org.id(), st.uidValidity(), Math.max(0, st.uidNext() - 1));
            return true;
        }
        return last >= st.uidNext() - 1;
    }

    public Duration every() {
        return every;
    }

    /** One pass: every message added to the Sent folder since the last pass. */
    private void scan() throws MessagingException, AuthException {
        IMAPFolder f = (IMAPFolder) imap.getFolder(folderName);
        if (!f.exists()) {
            if (!missingReported) {
                LOG.warn("Sent folder '{}' of {} does not exist; replies sent by hand cannot be seen (set cases.sent_folder)",
                        folderName, org.address());
                missingReported = true;
            }
            return;
        }
        f.open(Folder.READ_ONLY);
        try {
            long validity = f.getUIDValidity();
            long last = cases.sentFolderPosition(org.id(), validity);
            if (last < 0) {
                // First look at this folder: what was sent before Meldingsvakt watched it answers nothing it knows.
                cases.saveSentFolderPosition(org.id(), validity, Math.max(0, f.getUIDNext() - 1));
                return;
            }
            Message[] fresh = f.getMessagesByUID(last + 1, UIDFolder.LASTUID);
            FetchProfile fp = new FetchProfile();
            fp.add(UIDFolder.FetchProfileItem.UID);
            for (String h : new String[] {"Message-ID", "In-Reply-To", "References", "Subject", "From", "Auto-Submitted", "X-Mailer"}) {
                fp.add(h);
            }
            f.fetch(fresh, fp);
            for (Message m : fresh) {
                long uid = f.getUID(m);
                if (uid <= last) {
                    continue; // the server returns the last message for an empty range
                }
                consider(m);
                cases.saveSentFolderPosition(org.id(), validity, uid);
            }
        } finally {
            f.close(false);
        }
    }

    private void consider(Message m) throws MessagingException {
        String auto = first(m, "Auto-Submitted").toLowerCase(Locale.ROOT);
        if ((!auto.isEmpty() && !auto.startsWith("no")) || first(m, "X-Mailer").equals("Meldingsvakt")) {
            return;
        }
        List<String> parents = new ArrayList<>(ids(first(m, "In-Reply-To")));
        List<String> refs = ids(first(m, "References"));
        java.util.Collections.reverse(refs);
        parents.addAll(refs);
        Optional<String> ref = CaseRefs.find(m.getSubject() == null ? "" : m.getSubject()).filter(r -> cases.exists(org.id(), r))
                .or(() -> cases.forThread(org.id(), parents));
        if (ref.isEmpty()) {
            return;
        }
        String by = m.getFrom() != null && m.getFrom().length > 0 && m.getFrom()[0] instanceof InternetAddress ia ? ia.getAddress() : org.address();
        if (cases.markAnswered(org.id(), ref.get(), by, "reply in the Sent folder of " + org.address())) {
            LOG.info("case {}: answered from {} (Sent folder)", ref.get(), org.address());
        }
    }

    private static String first(Message m, String name) throws MessagingException {
        String[] v = m.getHeader(name);
        return v == null || v.length == 0 ? "" : v[0].strip();
    }

    private static List<String> ids(String header) {
        List<String> out = new ArrayList<>();
        Matcher x = MSG_ID.matcher(header);
        while (x.find()) {
            out.add(x.group());
        }
        return out;
    }

    private void disconnect() {
        if (imap != null) {
            try {
                imap.close();
            } catch (MessagingException ignored) {
                // Already gone.
            }
            imap = null;
        }
    }
}
