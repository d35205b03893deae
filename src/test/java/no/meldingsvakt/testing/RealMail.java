package no.meldingsvakt.testing;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The real Dovecot + Postfix that {@code ../shared/realmail/start.sh} runs on loopback. Tests that
 * use it are skipped, with this reason printed, when it is not running.
 */
public final class RealMail {
    public static final String PASSWORD = "secret";
    private final Path dir;
    private final Properties props;

    private RealMail(Path dir, Properties props) {
        this.dir = dir;
        this.props = props;
    }

    /** The running instance, or the test is skipped with a message saying how to start it. */
    public static RealMail require() {
        Path dir = Path.of(System.getenv().getOrDefault("REALMAIL_DIR", "/tmp/realmail"));
        Path file = dir.resolve("realmail.properties");
        Skip.unless(Files.exists(file), "real Dovecot + Postfix not running (no " + file
                + "); `bash ../shared/realmail/start.sh` starts them, .ci/run does so before the tests");
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        RealMail real = new RealMail(dir, p);
        Skip.unless(real.users().containsAll(java.util.List.of("it@kommune.test", "kari@hemit.test")),
                "realmail runs without the test users; start it with REALMAIL_USERS=\"$(cat .ci/realmail-users)\"");
        return real;
    }

    public int port(String name) {
        return Integer.parseInt(props.getProperty(name + ".port"));
    }

    public List<String> users() {
        List<String> out = new ArrayList<>();
        for (String u : props.getProperty("users").split("\\s+")) {
            out.add(u.substring(0, u.indexOf(':')));
        }
        return out;
    }

    /**
     * The organisation's IMAP (TLS) and SMTP (submission, STARTTLS, AUTH) blocks for a test config.
     * The server's self-signed certificate is its own CA: named as {@code ca_file}, with the host
     * name checked as in production.
     */
    public String imapYaml(int port) {
        return "{host: 127.0.0.1, port: " + port + ", security: tls, ca_file: '" + caFile() + "'}";
    }

    public String smtpYaml() {
        return "{host: 127.0.0.1, port: " + port("submission") + ", security: starttls, ca_file: '" + caFile() + "'}";
    }

    public Path caFile() {
        return dir.resolve("tls/cert.pem");
    }

    private Store login(String user) throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.imap.host", "127.0.0.1");
        p.setProperty("mail.imap.port", Integer.toString(port("imap")));
        Store s = Session.getInstance(p).getStore("imap");
        s.connect(user, PASSWORD);
        return s;
    }

    /** Empties a user's inbox and Meldingsvakt's folders, so each test starts clean. */
    public void purge(String user) {
        try (Store s = login(user)) {
            for (String name : List.of("INBOX", "Meldingsvakt.Behandlet", "Meldingsvakt.Karantene", "Sent")) {
                Folder f = s.getFolder(name);
                if (f.exists()) {
                    f.open(Folder.READ_WRITE);
                    Message[] all = f.getMessages();
                    if (all.length > 0) {
                        f.setFlags(all, new Flags(Flags.Flag.DELETED), true);
                    }
                    f.close(true);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot purge " + user, e);
        }
    }

    public List<MimeMessage> messages(String user, String folder) {
        try (Store s = login(user)) {
            Folder f = s.getFolder(folder);
            if (!f.exists()) {
                return List.of();
            }
            f.open(Folder.READ_ONLY);
            List<MimeMessage> out = new ArrayList<>();
            for (Message m : f.getMessages()) {
                out.add(new MimeMessage((MimeMessage) m));
            }
            f.close(false);
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public List<MimeMessage> inbox(String user) {
        return messages(user, "INBOX");
    }

    public List<MimeMessage> awaitInbox(String user, int count, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        List<MimeMessage> now = inbox(user);
        while (now.size() < count && System.nanoTime() < end) {
            MailServer.sleep(200);
            now = inbox(user);
        }
        return now;
    }

    /** Submits over plain SMTP (port 25 role: no auth), as a partner's server would. */
    public void send(byte[] raw, String... to) {
        try {
            Properties p = new Properties();
            p.setProperty("mail.smtp.host", "127.0.0.1");
            p.setProperty("mail.smtp.port", Integer.toString(port("smtp")));
            Session s = Session.getInstance(p);
            MimeMessage m = new MimeMessage(s, new ByteArrayInputStream(raw));
            try (jakarta.mail.Transport t = s.getTransport("smtp")) {
                t.connect();
                jakarta.mail.Address[] rcpt = new jakarta.mail.Address[to.length];
                for (int i = 0; i < to.length; i++) {
                    rcpt[i] = new jakarta.mail.internet.InternetAddress(to[i]);
                }
                t.sendMessage(m, rcpt);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts a message straight into a user's inbox over IMAP APPEND (mail keeps arriving while Postfix is down). */
    public void append(String user, byte[] raw) {
        append(user, "INBOX", raw);
    }

    /** IMAP APPEND to a folder, created when missing (a mail client saving what it sent, say). */
    public void append(String user, String folder, byte[] raw) {
        try (Store s = login(user)) {
            Folder f = s.getFolder(folder);
            if (!f.exists()) {
                f.create(Folder.HOLDS_MESSAGES);
            }
            // Arriving now, as delivery would: Angus otherwise sends the Date header as INTERNALDATE, and an
            // old arrival makes a case overdue at once.
            java.util.Date now = new java.util.Date();
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)) {
                @Override
                public java.util.Date getReceivedDate() {
                    return now;
                }
            };
            f.appendMessages(new Message[] {m});
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Another client at work in the same inbox: appends a message and expunges it again in its own
     * session, which shifts the sequence numbers every other session sees.
     */
    public void appendAndExpunge(String user, byte[] raw) {
        try (Store s = login(user)) {
            Folder f = s.getFolder("INBOX");
            f.open(Folder.READ_WRITE);
            f.appendMessages(new Message[] {new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw))});
            Message[] all = f.getMessages();
            for (Message m : all) {
                String[] ids = m.getHeader("X-Junk");
                if (ids != null) {
                    m.setFlag(Flags.Flag.DELETED, true);
                }
            }
            f.close(true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void postfix(String action) {
        run("postfix", "-c", dir.resolve("postfix").toString(), action);
    }

    /** Stops and starts Dovecot's master process: every IMAP connection is cut. */
    public void restartDovecot() {
        String conf = dir.resolve("dovecot/dovecot.conf").toString();
        Path pidFile = dir.resolve("run/dovecot/master.pid");
        long oldMaster = masterPid(pidFile);
        run("doveadm", "-c", conf, "stop");
        // `doveadm stop` returns before the master has exited; starting again while it lives fails with
        // "already running" (seen on a slower CI machine), and a failed start leaves every later test without IMAP.
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (oldMaster > 0 && ProcessHandle.of(oldMaster).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < end) {
            MailServer.sleep(100);
        }
        run("dovecot", "-c", conf);
        awaitImap(Duration.ofSeconds(30));
    }

    private static long masterPid(Path pidFile) {
        try {
            return Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private void awaitImap(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Store s = login(users().get(0))) {
                return;
            } catch (Exception e) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("Dovecot did not answer IMAP within " + timeout, e);
                }
                MailServer.sleep(200);
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "see " + log;
        }
    }

    private void run(String... cmd) {
        try {
            // Output goes to a file, not a pipe: daemons started here keep their stdout open forever.
            Path log = dir.resolve("log/tests-control.log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + tail(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
