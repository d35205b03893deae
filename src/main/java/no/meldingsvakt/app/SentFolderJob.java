package no.meldingsvakt.app;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.meldingsvakt.mailbox.SentFolderWatcher;

/**
 * Looks at every organisation's Sent folder on a few shared threads, the looks spread over the
 * interval so that hundreds of mailboxes do not all log in at the same moment.
 */
final class SentFolderJob {
    private static final int THREADS = 4;
    private final List<SentFolderWatcher> folders;
    private ScheduledExecutorService timer;

    SentFolderJob(List<SentFolderWatcher> folders) {
        this.folders = folders;
    }

    void start() {
        if (folders.isEmpty()) {
            return;
        }
        AtomicInteger n = new AtomicInteger();
        timer = Executors.newScheduledThreadPool(Math.min(THREADS, folders.size()), r -> {
            Thread t = new Thread(r, "sent-folders-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < folders.size(); i++) {
            SentFolderWatcher f = folders.get(i);
            long every = f.every().toMillis();
            timer.scheduleWithFixedDelay(f::scanOnce, every * i / folders.size(), every, TimeUnit.MILLISECONDS);
        }
    }

    void stop() {
        Timers.stop(timer);
    }
}
