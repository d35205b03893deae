package no.meldingsvakt.demo;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import no.meldingsvakt.mailbox.WatcherSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import no.meldingsvakt.app.MeldingsvaktService;
import no.meldingsvakt.app.ServiceSettings;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.config.ConfigException;
import no.meldingsvakt.config.ConfigLoader;
import no.meldingsvakt.store.MessageLog;
import no.meldingsvakt.store.Outbox;
import no.meldingsvakt.store.Store;

/** Starts the demo world, delivers the samples, and reports what Meldingsvakt did with each. */
public final class Demo implements AutoCloseable {
    public static final String MAILBOX = "meldingsansvarlig@demo-kommune.no";
    public static final String PASSWORD = "demo";
    static final List<String> STAFF = List.of("plo@demo-kommune.no", "hjemmetjenesten@demo-kommune.no", "it-drift@demo-kommune.no",
            "kommunalsjef@demo-kommune.no", "vakttelefon@demo-kommune.no");
    public static final List<String> SAMPLES = List.of("01-planlagt-stopp.eml", "02-feil-i-meldingsutveksling.eml", "03-manglende-kvittering.eml",
            "04-viktig-informasjon.eml", "05-henvendelse.eml", "06-fravaersmelding.eml", "07-misvisende-emne.eml",
            // A forgery: our server found DMARC failing (p=none lets it through); the pass below its Received line is the sender's.
            "08-forfalsket-avsender.eml",
            // Dated when the demo runs, so the console has a stop ahead and an incident going on now.
            "09-planlagt-neste-uke.eml", "10-feil-paagaar.eml");

    private final Path dir;
    private final GreenMail greenMail;
    private final MeldingsvaktService service;
    private final Path configFile;

    private Demo(Path dir, GreenMail greenMail, MeldingsvaktService service, Path configFile) {
        this.dir = dir;
        this.greenMail = greenMail;
        this.service = service;
        this.configFile = configFile;
    }

    /** Starts GreenMail on the given ports (0: any free port) and the service on a fresh store under {@code dir}. */
    public static Demo start(Path dir, int smtpPort, int imapPort) throws IOException, ConfigException {
        return start(dir, smtpPort, imapPort, 0);
    }

    /** As above, with the console on {@code webPort} (0: any free port), user demo, password demo, /metrics open on loopback. */
    public static Demo start(Path dir, int smtpPort, int imapPort, int webPort) throws IOException, ConfigException {
        GreenMailConfiguration users = GreenMailConfiguration.aConfig().withUser(MAILBOX, MAILBOX, PASSWORD);
        for (String s : STAFF) {
            users = users.withUser(s, s, PASSWORD);
        }
        ServerSetup smtp = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        GreenMail gm = new GreenMail(new ServerSetup[] {smtpPort == 0 ? smtp.dynamicPort() : smtp, imapPort == 0 ? imap.dynamicPort() : imap})
                .withConfiguration(users);
        gm.start();
        try {
            // A real mailbox has a Sent folder; replies saved there answer cases.
            try {
                gm.getManagers().getImapHostManager().createMailbox(gm.getUserManager().getUser(MAILBOX), "Sent");
            } catch (com.icegreen.greenmail.imap.AuthorizationException | com.icegreen.greenmail.store.FolderException e) {
                throw new IllegalStateException("cannot create the demo Sent folder", e);
            }
            Files.createDirectories(dir);
            Path store = dir.resolve("meldingsvakt.db");
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(store + suffix));
            }
            Path config = dir.resolve("meldingsvakt.yaml");
            Files.writeString(config, yaml(store, gm.getImap().getPort(), gm.getSmtp().getPort()) + console(webPort));
            AppConfig loaded = ConfigLoader.withEnvironment(Map.of("MELDINGSVAKT_DEMO_PASSWORD", PASSWORD)::get).load(config);
            loaded = loaded.withConsole(loaded.console().orElseThrow().with(webPort, loaded.console().orElseThrow().users(), true));
            // GreenMail's IDLE now and then drops the notice of a message that arrives while the
            // session moves another one; the periodic full scan is the safety net (one minute in
            // production), made short here so the demo never waits a minute for its last sample.
            ServiceSettings d = ServiceSettings.defaults();
            WatcherSettings w = d.watcher();
            ServiceSettings settings = new ServiceSettings(new WatcherSettings(w.keepalive(), w.readTimeout(), w.reconnect(), Duration.ofSeconds(5)),
                    d.outboxRetry(), d.tokenTimeout(), d.followUpEvery(), d.sentFolderEvery(), d.leaseTtl());
            MeldingsvaktService service = MeldingsvaktService.create(loaded, Clock.systemUTC(), settings);
            service.start();
            return new Demo(dir, gm, service, config);
        } catch (IOException | ConfigException | RuntimeException e) {
            gm.stop();
            throw e;
        }
    }

    static String yaml(Path store, int imapPort, int smtpPort) {
        return """
                # Written by `meldingsvakt demo`: the demo organisation, in the same format as config.example.yaml.
                store:
                  path: %s
                organisations:
                  - id: demo-kommune
                    name: Demo kommune
                    address: %s
                    password_env: MELDINGSVAKT_DEMO_PASSWORD
                    imap: {host: 127.0.0.1, port: %d, security: plain, allow_insecure: true}
                    smtp: {host: 127.0.0.1, port: %d, security: plain, allow_insecure: true}
                    lists:
                      pleie-og-omsorg: [plo@demo-kommune.no, hjemmetjenesten@demo-kommune.no]
                      it-drift: [it-drift@demo-kommune.no]
                      ledelse: [kommunalsjef@demo-kommune.no]
                      vakt: [vakttelefon@demo-kommune.no]
                    routes:
                      - name: planlagt-til-it
                        when: {category: planned}
                        then: [it-drift]
                      - name: hendelser
                        when: {category: [error, missing-receipt, important-info]}
                        then: [it-drift, pleie-og-omsorg]
                      - name: plo-tjenester
                        when: {service: PLO}
                        then: [pleie-og-omsorg]
                      - name: utenfor-arbeidstid
                        when: {category: [error, missing-receipt], time: after_hours}
                        then: [vakt]
                    fallback_lists: [ledelse]
                    report_to: [ledelse]
                    trust: {authserv_ids: [mx.demo-kommune.no]}
                    admin_list: it-drift
                """.formatted(store.toAbsolutePath(), MAILBOX, imapPort, smtpPort);
    }

    /** The demo's console: loopback only, one administrator (demo/demo). */
    static String console(int webPort) {
        String hash = org.springframework.security.crypto.bcrypt.BCrypt.hashpw(PASSWORD, org.springframework.security.crypto.bcrypt.BCrypt.gensalt(10));
        return """
                console:
                  listen: 127.0.0.1
                  port: %d
                  users:
                    - {name: demo, password_hash: "%s", role: admin}
                """.formatted(webPort, hash);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Sends the bundled sample notices to the monitored mailbox over SMTP. */
    public void deliverSamples() throws Exception {
        for (String name : SAMPLES) {
            try (InputStream in = Demo.class.getResourceAsStream("/demo/" + name)) {
                send(dated(in.readAllBytes(), java.time.ZonedDateTime.now(no.meldingsvakt.calendar.BusinessCalendar.OSLO)));
            }
        }
    }

    /** Fills in the ${…} times of the samples that are dated relative to now; the others pass unchanged. */
    static byte[] dated(byte[] raw, java.time.ZonedDateTime now) {
        String text = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
        if (!text.contains("${")) {
            return raw;
        }
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");
        java.time.format.DateTimeFormatter at = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm");
        java.time.ZonedDateTime hour = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        return text.replace("${PLANNED_DAY}", day.format(now.plusDays(3)))
                .replace("${NOW_RFC}", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(now))
                .replace("${RUN}", Long.toString(now.toEpochSecond()))
                .replace("${INCIDENT_START}", at.format(hour.minusHours(1)))
                .replace("${INCIDENT_END}", at.format(hour.plusHours(4)))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private void send(byte[] raw) throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(smtpPort()));
        Session s = Session.getInstance(p);
        MimeMessage m = new MimeMessage(s, new ByteArrayInputStream(raw));
        try (Transport t = s.getTransport("smtp")) {
            t.connect();
            t.sendMessage(m, new Address[] {new InternetAddress(MAILBOX)});
        }
    }

    /** Waits until every sample is processed and the outbox is empty. */
    public boolean awaitQuiet(int messages, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        Store store = service.store();
        while (System.nanoTime() < end) {
            long done = store.messages().count();
            if (done >= messages && store.outbox().pending() == 0) {
                Thread.sleep(300);
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    public void report(PrintStream out) {
        Store store = service.store();
        out.println();
        out.println("Meldingsvakt demo");
        out.println("=================");
        out.println("Mail server (GreenMail, in memory): SMTP 127.0.0.1:" + smtpPort() + ", IMAP 127.0.0.1:" + imapPort());
        out.println("Watching " + MAILBOX + " with config " + configFile + " (store " + dir.resolve("meldingsvakt.db") + ")");
        out.println();
        if (count(MAILBOX) > 0) {
            out.println("Still in the monitored inbox: " + count(MAILBOX) + " message(s)");
        }
        for (Outbox.Waiting w : store.outbox().waiting()) {
            out.println("Still waiting to be sent: " + w.kind() + " to " + w.recipients() + " (" + w.attempts() + " attempt(s)) " + w.lastError());
        }
        out.println("What happened to each sample notice:");
        lastReported = reportSince(0, out).lastId();
        out.println();
        out.println("Mailboxes now (IMAP 127.0.0.1:" + imapPort() + ", password '" + PASSWORD + "', no TLS):");
        List<String> boxes = new ArrayList<>(STAFF);
        boxes.addAll(store.outbox().receiptRecipients());
        for (String box : boxes) {
            out.printf("  %-38s %d message(s)%s%n", box, count(box), STAFF.contains(box) ? "" : "  (the partner's receipt)");
        }
        out.println();
        out.println("Send another notice while it runs, e.g. with curl:");
        out.println("  curl --url smtp://127.0.0.1:" + smtpPort() + " --mail-from you@example.test --mail-rcpt " + MAILBOX
                + " --upload-file notice.eml");
        out.println("  (sample files: src/main/resources/demo/*.eml). Any mail client works too: SMTP 127.0.0.1:" + smtpPort()
                + " without login.");
        out.println("Read what staff received: any IMAP client, 127.0.0.1:" + imapPort() + ", user e.g. plo@demo-kommune.no, password "
                + PASSWORD + ".");
        service.console().ifPresent(c -> {
            out.println();
            out.println("console: " + c.baseUrl() + "/ (user demo, password " + PASSWORD + ")");
            out.println("calendar: " + c.calendarUrl("demo-kommune"));
            out.println("metrics: " + c.baseUrl() + "/metrics");
            out.println("report: " + c.baseUrl() + "/rapport?maned=" + java.time.YearMonth.now(no.meldingsvakt.calendar.BusinessCalendar.OSLO) + " (this month so far; the mail for last month goes to ledelse on the"
                    + " first business day)");
        });
    }

    private long lastReported;

    /**
     * Reports every message recorded after the last report, as for the samples: what a notice
     * sent to the running demo became. Returns how many it reported.
     */
    public int reportNew(PrintStream out) {
        Reported r = reportSince(lastReported, out);
        lastReported = r.lastId();
        return r.count();
    }

    private Store store() {
        return service.store();
    }

    private record Reported(long lastId, int count) {}

    /** Prints the messages after {@code afterId}: the last id printed and how many. */
    private Reported reportSince(long afterId, PrintStream out) {
        long last = afterId;
        int n = 0;
        for (MessageLog.Outcome m : store().messages().outcomesAfter(afterId)) {
            out.println("  * " + m.subject());
            if (!"processed".equals(m.status())) {
                out.println("      " + m.status() + (m.reason().isEmpty() ? "" : ": " + m.reason()));
            } else {
                out.println("      category " + m.category() + (m.automatic() == null ? "" : " (automatic: " + m.automatic() + ")") + ", case " + m.caseRef());
                out.println("      receipt: " + m.receipt().orElse(null));
                out.println("      passed on: " + m.redistribution().orElse(null));
            }
            last = Math.max(last, m.id());
            n++;
        }
        return new Reported(last, n);
    }

    private int count(String address) {
        try {
            var user = greenMail.getUserManager().getUser(address);
            return user == null ? 0 : greenMail.getManagers().getImapHostManager().getInbox(user).getMessageCount();
        } catch (Exception e) {
            return 0;
        }
    }

    public MeldingsvaktService service() {
        return service;
    }

    @Override
    public void close() {
        service.stop();
        greenMail.stop();
    }
}
