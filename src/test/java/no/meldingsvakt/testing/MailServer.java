package no.meldingsvakt.testing;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** GreenMail on loopback with dynamic ports, and the few operations tests need. */
public final class MailServer implements AutoCloseable {
    public static final String PASSWORD = "secret";
    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static MailServer start(String... users) {
        GreenMailConfiguration cfg = GreenMailConfiguration.aConfig();
        for (String u : users) {
            cfg = cfg.withUser(u, u, PASSWORD);
        }
        GreenMail gm = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP)).withConfiguration(cfg);
        gm.start();
        return new MailServer(gm);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    /** Submits raw bytes over SMTP unchanged (no saveChanges: the Message-ID stays what the fixture wrote). */
    public void send(byte[] raw, String... to) {
        try {
            Properties p = new Properties();
            p.setProperty("mail.smtp.host", "127.0.0.1");
            p.setProperty("mail.smtp.port", Integer.toString(smtpPort()));
            Session s = Session.getInstance(p);
            MimeMessage m = new MimeMessage(s, new ByteArrayInputStream(raw));
            Address[] rcpt = new Address[to.length];
            for (int i = 0; i < to.length; i++) {
                rcpt[i] = new InternetAddress(to[i]);
            }
            try (Transport t = s.getTransport("smtp")) {
                t.connect();
                t.sendMessage(m, rcpt);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stores a message in a mailbox as the final MTA would, headers untouched. Needed for bounces:
     * GreenMail's SMTP refuses the null reverse-path {@code MAIL FROM:<>} that real MTAs accept.
     */
    public void deliverDirect(byte[] raw, String to) {
        try {
            greenMail.getUserManager().getUser(to).deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts a message into a folder of a user's mailbox (created when missing), as a mail client saving sent mail would. */
    public void append(String address, String folder, byte[] raw) {
        append(address, folder, raw, new java.util.Date());
    }

    /** As above, with the time the server says the message arrived (IMAP INTERNALDATE): for tests on a clock of their own. */
    public void append(String address, String folder, byte[] raw, java.util.Date arrived) {
        try {
            GreenMailUser user = greenMail.getUserManager().getUser(address);
            ImapHostManager host = greenMail.getManagers().getImapHostManager();
            MailFolder f = host.getFolder(user, folder);
            if (f == null) {
                f = host.createMailbox(user, folder);
            }
            f.appendMessage(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)), new jakarta.mail.Flags(),
                    arrived);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Messages in a folder of a user's mailbox (INBOX when folder is null). */
    public List<MimeMessage> messages(String address, String folder) {
        try {
            GreenMailUser user = greenMail.getUserManager().getUser(address);
            if (user == null) {
                return List.of();
            }
            ImapHostManager host = greenMail.getManagers().getImapHostManager();
            MailFolder f = folder == null ? host.getInbox(user) : host.getFolder(user, folder);
            if (f == null) {
                return List.of();
            }
            // GreenMail hands out its live list: a delivery landing while we read it is a ConcurrentModificationException.
            for (int attempt = 1; ; attempt++) {
                try {
                    List<MimeMessage> out = new ArrayList<>();
                    for (StoredMessage sm : f.getMessages()) {
                        out.add(sm.getMimeMessage());
                    }
                    return out;
                } catch (java.util.ConcurrentModificationException e) {
                    if (attempt == 20) {
                        throw e;
                    }
                    sleep(10);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public List<MimeMessage> inbox(String address) {
        return messages(address, null);
    }

    /** Waits until the inbox holds at least {@code count} messages; returns what it holds then. */
    public List<MimeMessage> awaitInbox(String address, int count, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        List<MimeMessage> now = inbox(address);
        while (now.size() < count && System.nanoTime() < end) {
            sleep(50);
            now = inbox(address);
        }
        return now;
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
