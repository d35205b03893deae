package no.meldingsvakt.app;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import no.meldingsvakt.mailbox.SentFolderWatcher;

/** The Sent folders, each looked at on its own interval, spread over it; only by the instance that holds the jobs' lease. */
final class SentFolderJob {
    private final List<SentFolderWatcher> folders;
    private final BooleanSupplier leader;

    SentFolderJob(List<SentFolderWatcher> folders, BooleanSupplier leader) {
        this.folders = folders;
        this.leader = leader;
    }

    void schedule(Scheduler scheduler) {
        for (int i = 0; i < folders.size(); i++) {
            SentFolderWatcher f = folders.get(i);
            Duration every = f.every();
            // The first looks wait a whole interval: by then the watchers are connected and STATUS on their
            // connections answers, instead of a login per mailbox on top of the watchers' own at start.
            scheduler.every("sent folder scan", every.plus(every.multipliedBy(i).dividedBy(folders.size())), every, () -> {
                if (leader.getAsBoolean()) {
                    f.scanOnce();
                }
            });
        }
    }
}
