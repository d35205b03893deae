package no.meldingsvakt.bench;

import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.IdleManager;

/**
 * The alternative issue 16 asks to weigh: Angus' IdleManager (one selector thread for every IDLE
 * connection, events on a shared executor) instead of a blocking IDLE thread per mailbox. It holds
 * n mailboxes of the benchmark's realmail in IDLE in this JVM and measures what the scale section
 * measures of the service (threads, heap after GC, RSS, idle CPU, time until all are watched) and
 * the IDLE signal: SMTP submission until the listener hears EXISTS. Only the watching is
 * modelled, no pipeline: the comparison is with the blocking design's floor and scale numbers.
 * Run by {@code MV_BENCH_ONLY=idlemanager:N bench/run.sh}.
 */
public final class IdleManagerProbe {
    private IdleManagerProbe() {}

    static void run(Properties ports, int n, int samples) throws Exception {
        ExecutorService events = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "idle-events");
            t.setDaemon(true);
            return t;
        });
        Properties p = new Properties();
        p.setProperty("mail.imap.usesocketchannels", "true");
        p.setProperty("mail.event.scope", "application");
        p.put("mail.event.executor", events);
        p.setProperty("mail.imap.timeout", "20000");
        Session session = Session.getInstance(p);
        IdleManager idle = new IdleManager(session, events);
        int imap = Integer.parseInt(ports.getProperty("imap.port"));
        ConcurrentHashMap<String, Long> heard = new ConcurrentHashMap<>();
        List<IMAPStore> stores = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService logins = Executors.newFixedThreadPool(24);
        long t0 = System.nanoTime();
        List<Future<?>> started = new ArrayList<>();
        AtomicInteger failed = new AtomicInteger();
        for (int i = 1; i <= n; i++) {
            String user = String.format("mb%04d@scale.test", i);
            started.add(logins.submit(() -> {
                try {
                    IMAPStore s = (IMAPStore) session.getStore("imap");
                    s.connect("127.0.0.1", imap, user, "secret");
                    IMAPFolder f = (IMAPFolder) s.getFolder("INBOX");
                    f.open(Folder.READ_WRITE);
                    f.addMessageCountListener(new MessageCountAdapter() {
                        @Override
                        public void messagesAdded(MessageCountEvent e) {
                            heard.put(user, System.nanoTime());
                            try {
                                idle.watch(f);
                            } catch (Exception ex) {
                                failed.incrementAndGet();
                            }
                        }
                    });
                    idle.watch(f);
                    stores.add(s);
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : started) {
            f.get();
        }
        logins.shutdown();
        double watched = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(15_000);
        long pid = ProcessHandle.current().pid();
        long cpu0 = Benchmark.cpuTicks(pid);
        long wall0 = System.nanoTime();
        Thread.sleep(30_000);
        double cpu = (Benchmark.cpuTicks(pid) - cpu0) / 100.0 / ((System.nanoTime() - wall0) / 1e9) * 100;
        System.gc();
        Thread.sleep(500);
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        int threads = Integer.parseInt(Benchmark.field(status, "Threads"));
        double rss = Long.parseLong(Benchmark.field(status, "VmRSS").replace(" kB", "")) / 1024.0;

        double[] ms = new double[samples];
        Properties sp = new Properties();
        sp.setProperty("mail.smtp.host", "127.0.0.1");
        sp.setProperty("mail.smtp.port", ports.getProperty("smtp.port"));
        Session smtp = Session.getInstance(sp);
        try (Transport t = smtp.getTransport("smtp")) {
            t.connect();
            for (int i = 0; i < samples; i++) {
                String to = String.format("mb%04d@scale.test", 1 + (int) ((long) i * 7919 % n));
                heard.remove(to);
                long s0 = System.nanoTime();
                String raw = "From: partner@bench.test\r\nTo: " + to + "\r\nSubject: Feil i meldingsutveksling\r\nMessage-ID: <i" + System.nanoTime()
                        + "@bench.test>\r\n\r\nTest\r\n";
                t.sendMessage(new MimeMessage(smtp, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))),
                        new InternetAddress[] {new InternetAddress(to)});
                while (!heard.containsKey(to) && System.nanoTime() - s0 < 10_000_000_000L) {
                    Thread.sleep(1);
                }
                ms[i] = (heard.getOrDefault(to, System.nanoTime()) - s0) / 1e6;
                Thread.sleep(200);
            }
        }
        java.util.Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "idlemanager: %d mailboxes (%d failed): all watched %.1f s after start, heap after GC %.1f MB, %d threads,"
                + " RSS %.0f MB, CPU while idle %.1f %% of one core%n", n, failed.get(), watched, heap, threads, rss, cpu);
        System.out.printf(Locale.ROOT, "idlemanager: IDLE signal (SMTP submit -> EXISTS heard) over %d mailboxes: n=%d p50 %.0f ms, p99 %.0f ms%n",
                n, samples, ms[samples / 2], ms[Math.min(samples - 1, (int) Math.ceil(samples * 0.99) - 1)]);
        idle.stop();
        for (IMAPStore s : stores) {
            try {
                s.close();
            } catch (Exception ignored) {
                // closing
            }
        }
        events.shutdownNow();
        events.awaitTermination(5, TimeUnit.SECONDS);
    }
}
