package no.meldingsvakt.bench;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * The benchmark bench/run.sh runs: the real jar in its own JVM against realmail, measured from
 * outside (SMTP submission in, files appearing in recipients' Maildirs out).
 */
public final class Benchmark {
    private static final String PW = "secret";
    /** Every service this run started: none may outlive it, or it would load the next run's servers. */
    private static final int CONSOLE_PORT = 28080;
    private static final String METRICS_TOKEN = "bench-metrics-token";
    private static final List<Process> STARTED = Collections.synchronizedList(new ArrayList<>());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly)));
    }
    private final Path realmail;
    private final Properties ports = new Properties();
    private final Path work = Path.of("target", "bench").toAbsolutePath();
    private final boolean quick;
    private int nextOrganisation;

    private Benchmark(Path realmail, boolean quick) throws Exception {
        this.realmail = realmail;
        this.quick = quick;
        try (var in = Files.newInputStream(realmail.resolve("realmail.properties"))) {
            ports.load(in);
        }
        Files.createDirectories(work);
    }

    public static void main(String[] args) throws Exception {
        Benchmark b = new Benchmark(Path.of(args[0]), args.length > 1 && args[1].equals("--quick"));
        // MV_BENCH_ONLY=burst[:rounds]|latency|scale:N|... runs one part (for profiling with MV_BENCH_JFR=1); the summary needs a full run.
        String only = System.getenv().getOrDefault("MV_BENCH_ONLY", "");
        if (only.equals("burst") || only.startsWith("burst:")) {
            b.burst(1000, 50, only.equals("burst") ? 1 : Integer.parseInt(only.substring(6)));
            return;
        }
        if (only.equals("smtpconnect")) {
            b.smtpConnect(20);
            return;
        }
        if (only.startsWith("firstuse:")) {
            b.firstUse(Integer.parseInt(only.substring(9)));
            return;
        }
        if (only.equals("serverburst")) {
            b.serverBurst(1000, 50);
            return;
        }
        if (only.equals("latency")) {
            summary("floor", b.idleFloor(20));
            b.latency(100);
            return;
        }
        if (only.startsWith("idlemanager:")) {
            IdleManagerProbe.run(b.ports, Integer.parseInt(only.substring(12)), 30);
            return;
        }
        if (only.startsWith("scale:")) {
            b.scale(Integer.parseInt(only.substring(6)));
            return;
        }
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version") + ", Dovecot + Postfix (realmail) on loopback");
        int samples = b.quick ? 50 : 200;
        double[] floor = b.idleFloor(b.quick ? 20 : 50);
        double[] sieve = b.sieve(b.quick ? 20 : 50);
        double[] latency = b.latency(samples);
        double burst = b.burst(b.quick ? 300 : 1000, 50);
        int[] scales = b.quick ? new int[] {1, 100} : new int[] {1, 100, 400, 2000};
        Map<Integer, Scale> at = new java.util.LinkedHashMap<>();
        for (int n : scales) {
            at.put(n, b.scale(n));
        }
        Scale big = at.get(scales[scales.length - 1]);
        Scale mid = at.getOrDefault(400, big);
        System.out.printf(Locale.ROOT, "bench: p50 %.0f ms p99 %.0f ms (idle-signal floor %.0f ms, sieve %.0f ms); burst %.0f/s; %d mailboxes %.0f MB heap;"
                + " %d mailboxes %.0f MB heap %.0f MB RSS %d threads%n", pct(latency, 50), pct(latency, 99), pct(floor, 50), pct(sieve, 50), burst,
                mid.mailboxes(), mid.heapMb(), big.mailboxes(), big.heapMb(), big.rssMb(), big.threads());
    }

    private int port(String name) {
        return Integer.parseInt(ports.getProperty(name + ".port"));
    }

    private Path maildirNew(String address) {
        String[] p = address.split("@");
        return realmail.resolve("mail").resolve(p[1]).resolve(p[0]).resolve("Maildir").resolve("new");
    }

    private int count(String address) {
        File[] files = maildirNew(address).toFile().listFiles();
        return files == null ? 0 : files.length;
    }

    private void send(Transport t, Session s, String from, String to, String subject) throws Exception {
        send(t, s, from, to, subject, "");
    }

    /** {@code about}: a line that goes first in the body (the organisation a notice is about). */
    private void send(Transport t, Session s, String from, String to, String subject, String about) throws Exception {
        String raw = "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMessage-ID: <b" + System.nanoTime() + "@bench.test>\r\n"
                + "Date: Thu, 12 Mar 2026 09:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + about
                + "Telefon 72 48 00 00. Berørt tjeneste: PLO.\r\n";
        MimeMessage m = new MimeMessage(s, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        t.sendMessage(m, new Address[] {new InternetAddress(to)});
    }

    private Session smtpSession() {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(port("smtp")));
        return Session.getInstance(p);
    }

    /** SMTP submission to the moment Dovecot tells an IDLE-ing client: the floor no watcher can beat. */
    private double[] idleFloor(int n) throws Exception {
        Properties p = new Properties();
        Session is = Session.getInstance(p);
        IMAPStore store = (IMAPStore) is.getStore("imap");
        store.connect("127.0.0.1", port("imap"), "floor@bench.test", PW);
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        AtomicLong arrived = new AtomicLong();
        inbox.addMessageCountListener(new MessageCountAdapter() {
            @Override
            public void messagesAdded(MessageCountEvent e) {
                arrived.set(System.nanoTime());
            }
        });
        Thread idler = new Thread(() -> {
            try {
                while (inbox.isOpen()) {
                    inbox.idle();
                }
            } catch (Exception ignored) {
                // Closed at the end.
            }
        });
        idler.setDaemon(true);
        idler.start();
        Thread.sleep(1000);
        double[] out = new double[n];
        Session s = smtpSession();
        try (Transport t = s.getTransport("smtp")) {
            t.connect();
            for (int i = 0; i < n; i++) {
                arrived.set(0);
                long t0 = System.nanoTime();
                send(t, s, "partner@bench.test", "floor@bench.test", "Feil i meldingsutveksling");
                while (arrived.get() == 0 && System.nanoTime() - t0 < 10_000_000_000L) {
                    Thread.sleep(1);
                }
                out[i] = (arrived.get() - t0) / 1e6;
                Thread.sleep(300);
            }
        }
        store.close();
        summary("idle-signal floor (SMTP submit -> IDLE EXISTS)", out);
        return out;
    }

    /** The alternative a mail administrator has: a Sieve redirect on the same servers. */
    private double[] sieve(int n) throws Exception {
        double[] out = new double[n];
        Session s = smtpSession();
        try (Transport t = s.getTransport("smtp")) {
            t.connect();
            for (int i = 0; i < n; i++) {
                int before = count("staff3@bench.test");
                long t0 = System.nanoTime();
                send(t, s, "partner@bench.test", "sieve@bench.test", "Feil i meldingsutveksling");
                while (count("staff3@bench.test") == before && System.nanoTime() - t0 < 10_000_000_000L) {
                    Thread.sleep(1);
                }
                out[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        summary("sieve redirect (SMTP submit -> in the recipient's Maildir)", out);
        return out;
    }

    private String org(int i, String domain, String local) {
        return org(i, domain, local, "{host: 127.0.0.1, port: " + port("imaps") + ", security: tls, ssl_trust: 127.0.0.1}");
    }

    /**
     * The scale run uses plain IMAP: over TLS every connection keeps a Dovecot imap-login process
     * as its TLS proxy, and the test server allows 500 of those in all.
     */
    private String plainOrg(int i, String domain, String local) {
        // Every probe notice of the scale section gets its receipt: with the default limit (3 an hour to one
        // partner per mailbox) one mailbox would send 3 and 2 000 would send one each, and the two latencies
        // would measure different work.
        return org(String.format("%s%04d", local, i), domain, "{host: 127.0.0.1, port: " + port("imap") + ", security: plain, allow_insecure: true}")
                + "    receipt_rate_limit: {max: 1000}\n";
    }

    private String org(int i, String domain, String local, String imap) {
        return org(local + i, domain, imap);
    }

    private String org(String id, String domain, String imap) {
        return """
                  - id: %s
                    address: %s@%s
                    password_env: MV_BENCH_PASSWORD
                    imap: %s
                    smtp: {host: 127.0.0.1, port: %d, security: starttls, ssl_trust: 127.0.0.1}
                    lists: {staff: [staff1@bench.test, staff2@bench.test]}
                    fallback_lists: [staff]
                    trust: none
                """.formatted(id, id, domain, imap, port("submission"));
    }

    private Process startService(String name, List<String> orgs) throws Exception {
        Path dir = work.resolve(name);
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("store.db"));
        Path config = dir.resolve("meldingsvakt.yaml");
        StringBuilder yaml = new StringBuilder("store: {path: " + dir.resolve("store.db").toAbsolutePath() + "}\norganisations:\n");
        orgs.forEach(yaml::append);
        // The console runs as in production, so whatever it costs is in every number here.
        yaml.append("console: {port: ").append(CONSOLE_PORT).append(", metrics_token_env: MV_BENCH_METRICS, users: []}\n");
        // -Dmeldingsvakt.test.store=postgresql (bench/run.sh --store postgresql): a fresh PostgreSQL database per service.
        Files.writeString(config, no.meldingsvakt.testing.TestStore.adapt(yaml.toString()));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The heap limit the systemd unit and the container image give the service (packaging/).
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m"));
        // MV_BENCH_JVM="-XX:... ...": extra JVM options for the service (experiments: -XX:TieredStopAtLevel=1, -XX:+PrintCompilation).
        String jvm = System.getenv().getOrDefault("MV_BENCH_JVM", "").strip();
        if (!jvm.isEmpty()) {
            cmd.addAll(List.of(jvm.split("\\s+")));
        }
        if (System.getenv("MV_BENCH_JFR") != null) {
            cmd.add("-XX:StartFlightRecording=filename=" + dir.resolve("service.jfr") + ",settings=" + System.getenv().getOrDefault("MV_BENCH_JFC", "profile") + ",dumponexit=true");
        }
        cmd.addAll(List.of("-jar", Path.of("target", "meldingsvakt.jar").toAbsolutePath().toString(), "run", "--config", config.toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile());
        pb.environment().put("MV_BENCH_PASSWORD", PW);
        pb.environment().put("MV_BENCH_METRICS", METRICS_TOKEN);
        pb.environment().put(no.meldingsvakt.testing.TestStore.PASSWORD_ENV, no.meldingsvakt.testing.TestStore.password());
        Process p = pb.start();
        STARTED.add(p);
        long end = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < end) {
            String log = Files.exists(dir.resolve("service.log")) ? Files.readString(dir.resolve("service.log")) : "";
            if (log.split("connected \\(", -1).length - 1 >= orgs.size()) {
                return p;
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        throw new IllegalStateException("service did not connect all mailboxes; see " + dir.resolve("service.log"));
    }

    private static void stop(Process p) throws Exception {
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            System.out.println("warning: service did not stop within 30 s of SIGTERM; killing it");
            p.destroyForcibly().waitFor();
        }
    }

    /** Submission of a notice until both redistributed copies sit in their recipients' Maildirs. */
    private double[] latency(int n) throws Exception {
        Process service = startService("latency", List.of(org(1, "bench.test", "mv0")));
        Thread.sleep(2000);
        // A Prometheus scraping every second and an operator's page load while the latency is measured.
        java.util.concurrent.atomic.AtomicInteger scrapes = new java.util.concurrent.atomic.AtomicInteger();
        Thread scraper = new Thread(() -> {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + CONSOLE_PORT + "/metrics"))
                            .header("Authorization", "Bearer " + METRICS_TOKEN).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                    http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + CONSOLE_PORT + "/health/ready")).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        scrapes.incrementAndGet();
                    }
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // the service is stopping
                }
            }
        }, "bench-scraper");
        scraper.setDaemon(true);
        scraper.start();
        double[] out = new double[n];
        Session s = smtpSession();
        try (Transport t = s.getTransport("smtp")) {
            t.connect();
            for (int i = 0; i < n; i++) {
                int a = count("staff1@bench.test");
                int b = count("staff2@bench.test");
                long t0 = System.nanoTime();
                send(t, s, "partner@bench.test", "mv01@bench.test", "Feil i meldingsutveksling " + i);
                while ((count("staff1@bench.test") == a || count("staff2@bench.test") == b) && System.nanoTime() - t0 < 30_000_000_000L) {
                    Thread.sleep(1);
                }
                out[i] = (System.nanoTime() - t0) / 1e6;
                Thread.sleep(100);
            }
        } finally {
            scraper.interrupt();
            stop(service);
        }
        System.out.println("console: " + scrapes.get() + " /metrics scrapes (and as many /health/ready) during the latency run");
        summary("Meldingsvakt (SMTP submit -> both redistributed copies in recipients' Maildirs)", out);
        return out;
    }

    /** What a burst sends after each notice, on the same submission connection. */
    private interface AfterNotice {
        void send(Transport t, Session s, int notice) throws Exception;
    }

    /**
     * Submits the burst's notices to {@code mailboxes} mailboxes over eight connections at once,
     * each followed by {@code after}; returns the seconds it took.
     */
    private double submit(int notices, int mailboxes, AfterNotice after) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long t0 = System.nanoTime();
        for (int w = 0; w < 8; w++) {
            int worker = w;
            pool.submit(() -> {
                Session s = smtpSession();
                try (Transport t = s.getTransport("smtp")) {
                    t.connect();
                    for (int i = worker; i < notices; i += 8) {
                        send(t, s, "partner@bench.test", String.format("mv%02d@bench.test", i % mailboxes + 1), "Feil i meldingsutveksling " + i);
                        after.send(t, s, i);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Many notices over many mailboxes at once: notices per second until all copies are delivered. */
    private double burst(int notices, int mailboxes) throws Exception {
        return burst(notices, mailboxes, 1);
    }

    /**
     * The burst {@code rounds} times on the same service; returns the first round's rate (a service
     * just started, nothing compiled yet). Later rounds show what a service that has run meets.
     */
    private double burst(int notices, int mailboxes, int rounds) throws Exception {
        List<String> orgs = new ArrayList<>();
        for (int i = 1; i <= mailboxes; i++) {
            orgs.add(org(i, "bench.test", i < 10 ? "mv0" : "mv"));
        }
        Process service = startService("burst", orgs);
        Thread.sleep(2000);
        double first = 0;
        for (int r = 1; r <= rounds; r++) {
            int before1 = count("staff1@bench.test");
            int before2 = count("staff2@bench.test");
            long t0 = System.nanoTime();
            double submitted = submit(notices, mailboxes, (t, s, i) -> { });
            awaitCount(Map.of("staff1@bench.test", before1 + notices, "staff2@bench.test", before2 + notices));
            double seconds = (System.nanoTime() - t0) / 1e9;
            double rate = notices / seconds;
            System.out.printf(Locale.ROOT, "burst%s: %d notices over %d mailboxes (submitted in %.1f s), all %d copies delivered in %.1f s: %.0f notices/s%n",
                    rounds == 1 ? "" : " (round " + r + ")", notices, mailboxes, submitted, 2 * notices, seconds, rate);
            first = r == 1 ? rate : first;
        }
        stop(service);
        return first;
    }

    /**
     * Waits (at most ten minutes) until each Maildir holds its count. Looks every 100 ms: listing
     * thousands of files costs CPU the burst is measuring, and 100 ms is 1 % of a burst.
     */
    private void awaitCount(Map<String, Integer> counts) throws InterruptedException {
        long end = System.nanoTime() + 600_000_000_000L;
        while (counts.entrySet().stream().anyMatch(e -> count(e.getKey()) < e.getValue()) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
    }

    /**
     * The mail servers' own ceiling for a burst: the same 1 000 notices submitted, and for each the
     * mail Meldingsvakt would send (one copy to both staff in one transaction, a receipt), submitted
     * by this JVM with no Meldingsvakt running, until every message sits in its Maildir.
     */
    private double serverBurst(int notices, int mailboxes) throws Exception {
        int before1 = count("staff1@bench.test");
        int before2 = count("staff2@bench.test");
        int beforeP = count("partner@bench.test");
        String copy = "From: mv01@bench.test\r\nTo: undisclosed-recipients:;\r\nSubject: [Meldingsvakt] Feil i meldingsutveksling\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + "Varsel om feil i meldingsutveksling. Telefon 72 48 00 00.\r\n".repeat(60);
        byte[] copyBytes = copy.getBytes(StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        double submitted = submit(notices, mailboxes, (t, s, i) -> {
            MimeMessage m = new MimeMessage(s, new ByteArrayInputStream(copyBytes));
            t.sendMessage(m, new Address[] {new InternetAddress("staff1@bench.test"), new InternetAddress("staff2@bench.test")});
            if (i % 20 == 0) {
                send(t, s, "mv01@bench.test", "partner@bench.test", "Kvittering");
            }
        });
        awaitCount(Map.of("staff1@bench.test", before1 + notices, "staff2@bench.test", before2 + notices, "partner@bench.test", beforeP + notices / 20));
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = notices / seconds;
        System.out.printf(Locale.ROOT, "server ceiling: %d notices and their %d copies and %d receipts through Postfix + Dovecot alone (submitted in %.1f s),"
                + " all delivered in %.1f s: %.0f notices/s%n", notices, notices, notices / 20, submitted, seconds, rate);
        return rate;
    }

    /** What n watched mailboxes cost. */
    record Scale(int mailboxes, double heapMb, double rssMb, int threads, double idleCpu, double watchedSeconds) {}

    /**
     * Heap after GC, threads, resident memory, idle CPU and the time until all are watched, with n
     * mailboxes; at 1 and 2 000 also the latency of a notice to one of them, so growth shows its cost.
     */
    private Scale scale(int n) throws Exception {
        List<String> orgs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            orgs.add(plainOrg(i, "scale.test", "mb"));
        }
        long t0 = System.nanoTime();
        Process service = startService("scale-" + n, orgs);
        double watched = (System.nanoTime() - t0) / 1e9;
        long pid = service.pid();
        // At rest means after the start-up work: the first Sent-folder pass runs between one and two minutes
        // after start (a STATUS and a position recorded per mailbox), so the idle CPU is measured after it.
        Thread.sleep(quick ? 15_000 : Math.max(15_000, 130_000 - (long) (watched * 1000)));
        long cpu0 = cpuTicks(pid);
        long wall0 = System.nanoTime();
        Thread.sleep(quick ? 15_000 : 30_000);
        double cpu = (cpuTicks(pid) - cpu0) / 100.0 / ((System.nanoTime() - wall0) / 1e9) * 100;
        String names = threadNames(pid);
        run("jcmd", Long.toString(pid), "GC.run");
        String info = run("jcmd", Long.toString(pid), "GC.heap_info");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
        double heap = m.find() ? Long.parseLong(m.group(1)) / 1024.0 : -1;
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        int threads = Integer.parseInt(field(status, "Threads"));
        double rss = Long.parseLong(field(status, "VmRSS").replace(" kB", "")) / 1024.0;
        if (n == 1 || n >= 2000) {
            double[] ms = notices(n, quick ? 10 : 30);
            summary("scale: latency of a notice to one of " + n + " mailbox(es)", ms);
        }
        stop(service);
        System.out.printf(Locale.ROOT, "scale: %d mailboxes: all watched %.1f s after start, heap after GC %.1f MB, %d threads, RSS %.0f MB,"
                + " CPU while idle %.1f %% of one core%n", n, watched, heap, threads, rss, cpu);
        System.out.println("scale: " + n + " mailboxes: threads by name: " + names);
        return new Scale(n, heap, rss, threads, cpu, watched);
    }

    /**
     * What a new SMTP connection costs, opened with the service's own properties (Nagle off), and
     * the same without the socket factory (Nagle on): Session, connect (EHLO, STARTTLS, EHLO, AUTH),
     * one mail. Then one connection traced with timestamps, to show where a slow one waits.
     */
    private void smtpConnect(int n) throws Exception {
        no.meldingsvakt.config.ServerConfig server = new no.meldingsvakt.config.ServerConfig("127.0.0.1", port("submission"),
                no.meldingsvakt.config.Security.STARTTLS, java.util.Optional.of("127.0.0.1"));
        for (boolean nagleOff : new boolean[] {false, true}) {
            double[] session = new double[n];
            double[] connect = new double[n];
            double[] send = new double[n];
            for (int i = 0; i < n; i++) {
                String user = String.format("mb%04d@scale.test", i + 1);
                long t0 = System.nanoTime();
                Properties p = server.mailProperties("smtp", java.time.Duration.ofSeconds(30));
                p.setProperty("mail.smtp.auth", "true");
                if (!nagleOff) {
                    p.remove("mail.smtp.socketFactory");
                }
                Session s = Session.getInstance(p);
                Transport t = s.getTransport("smtp");
                long t1 = System.nanoTime();
                t.connect("127.0.0.1", port("submission"), user, PW);
                long t2 = System.nanoTime();
                send(t, s, user, "staff3@bench.test", "probe");
                long t3 = System.nanoTime();
                t.close();
                session[i] = (t1 - t0) / 1e6;
                connect[i] = (t2 - t1) / 1e6;
                send[i] = (t3 - t2) / 1e6;
            }
            String round = nagleOff ? "smtp, Nagle off (as the service): " : "smtp, Nagle on: ";
            summary(round + "Session + getTransport", session);
            summary(round + "connect (EHLO, STARTTLS, EHLO, AUTH)", connect);
            summary(round + "one mail on it", send);
        }
        Properties p = server.mailProperties("smtp", java.time.Duration.ofSeconds(30));
        p.setProperty("mail.smtp.auth", "true");
        p.remove("mail.smtp.socketFactory");
        Session s = Session.getInstance(p);
        s.setDebug(true);
        long start = System.nanoTime();
        s.setDebugOut(new java.io.PrintStream(new java.io.OutputStream() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(int b) {
                if (b == '\n') {
                    System.out.printf(Locale.ROOT, "%7.1f ms %s%n", (System.nanoTime() - start) / 1e6, line);
                    line.setLength(0);
                } else {
                    line.append((char) b);
                }
            }
        }, true));
        try (Transport t = s.getTransport("smtp")) {
            t.connect("127.0.0.1", port("submission"), "mb0001@scale.test", PW);
        }
    }

    /** Whether a mailbox's first notice is slower than its second: the same 20 mailboxes of n, twice over. */
    private void firstUse(int n) throws Exception {
        List<String> orgs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            orgs.add(plainOrg(i, "scale.test", "mb"));
        }
        Process service = startService("firstuse-" + n, orgs);
        Thread.sleep(20_000);
        summary("first notice to each of 20 mailboxes of " + n, notices(n, 20));
        summary("second notice to each of the same 20", notices(n, 20));
        stop(service);
    }

    /**
     * Notices to mailboxes spread over the n watched ones, each until both staff copies are delivered.
     * Each is about an organisation of its own, so each opens a case and gets a receipt whether it is
     * the first one a mailbox sees or not: notices to the same mailbox would otherwise join the first
     * one's case and send no receipt, and one mailbox would be measured doing less than 2 000.
     */
    private double[] notices(int n, int samples) throws Exception {
        double[] out = new double[samples];
        Session s = smtpSession();
        try (Transport t = s.getTransport("smtp")) {
            t.connect();
            for (int i = 0; i < samples; i++) {
                int a = count("staff1@bench.test");
                int b = count("staff2@bench.test");
                String to = String.format("mb%04d@scale.test", 1 + (int) ((long) i * 7919 % n));
                long t0 = System.nanoTime();
                send(t, s, "partner@bench.test", to, "Feil i meldingsutveksling " + i, "Varselet gjelder " + organisationName(nextOrganisation++) + " kommune.\r\n");
                while ((count("staff1@bench.test") == a || count("staff2@bench.test") == b) && System.nanoTime() - t0 < 30_000_000_000L) {
                    Thread.sleep(1);
                }
                out[i] = (System.nanoTime() - t0) / 1e6;
                Thread.sleep(200);
            }
        }
        return out;
    }

    /** A made-up municipality name per number ("Benchbyaa", "Benchbyab", ...), one word as the extractor expects. */
    static String organisationName(int i) {
        return "Benchby" + (char) ('a' + i / 26 % 26) + (char) ('a' + i % 26);
    }

    /** The service's threads grouped by name with digits folded, most first: what each mailbox costs shows here. */
    private static String threadNames(long pid) throws Exception {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    counts.merge(Files.readString(t.resolve("comm")).strip().replaceAll("\\d+", "N"), 1, Integer::sum);
                } catch (java.io.IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return counts.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(8).map(e -> e.getValue() + " " + e.getKey())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    static long cpuTicks(long pid) throws Exception {
        String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceAll("^.*\\) ", "").split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static String field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return "?";
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    private static void summary(String what, double[] ms) {
        System.out.printf(Locale.ROOT, "%s: n=%d p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%n", what, ms.length, pct(ms, 50), pct(ms, 90),
                pct(ms, 99), pct(ms, 100));
    }

    private static double pct(double[] values, double p) {
        List<Double> sorted = new ArrayList<>();
        for (double v : values) {
            sorted.add(v);
        }
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
