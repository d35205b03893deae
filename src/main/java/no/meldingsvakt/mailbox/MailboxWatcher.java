package no.meldingsvakt.mailbox;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.NotTerm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import no.meldingsvakt.auth.AuthException;
import no.meldingsvakt.auth.Credentials;
import no.meldingsvakt.health.Health;
import no.meldingsvakt.action.NoticePipeline;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.store.Fence;
import no.meldingsvakt.store.MessageLog;
import no.meldingsvakt.store.Store;
import no.meldingsvakt.store.StoreException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IMAP session of one organisation's mailbox: connect, catch up on everything not yet filed,
 * IDLE (or poll), a keepalive that finds a dead connection, and reconnect with capped backoff.
 * What happens to each message is the {@link MessageHandler}'s; one thread for as long as this
 * instance holds the mailbox (keepalives and logins are the {@link WatcherPool}'s, shared).
 */
public final class MailboxWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(MailboxWatcher.class);
    /** Bounds back-to-back catch-up passes, so a server that silently drops our keyword cannot spin us. */
    private static final int MAX_PASSES = 20;
    private static final Duration STORE_RETRY = Duration.ofSeconds(2);

    private final OrganisationConfig org;
    private final Credentials credentials;
    private final Health health;
    private final MessageLog messages;
    private final MessageHandler handler;
    private final Clock clock;
    private final WatcherSettings settings;
    private final Object sleeper = new Object();
    private final WatcherPool pool;

    private volatile boolean running;
    private volatile boolean dirty = true;
    private volatile IMAPStore imap;
    private volatile IMAPFolder inbox;
    private volatile int failures;
    private volatile boolean canIdle;
    private volatile boolean canMove;
    private volatile Marker marker;
    private Instant lastFullScan = Instant.EPOCH;
    private Thread thread;
    private volatile WatcherPool.Repeating keepalive;
    private volatile long lastCommand = System.nanoTime();

    public MailboxWatcher(OrganisationConfig org, Credentials credentials, Health health, NoticePipeline pipeline, Store store,
            IntakeEvents events, Clock clock, WatcherSettings settings, WatcherPool pool) {
        this.pool = pool;
        this.org = org;
        this.credentials = credentials;
        this.health = health;
        this.messages = store.messages();
        this.handler = new MessageHandler(org, pipeline, store.messages(), events, clock, settings);
        this.clock = clock;
        this.settings = settings;
    }

    public void start() {
        running = true;
        thread = new Thread(this::run, "watch-" + org.id());
        thread.setDaemon(true);
        thread.start();
    }

    /** False once stopped, or once it found that another instance holds the mailbox. */
    public boolean running() {
        return running;
    }

    public void stop() {
        running = false;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        closeQuietly();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            try {
                connect();
                failures = 0;
                watch();
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                failures++;
                health.mailboxFailed(org.id(), describe(e), isAuthFailure(e));
                // Jitter keeps hundreds of watchers from retrying a restarted server in the same instant.
                Duration base = settings.reconnect().after(failures);
                Duration wait = base.plusMillis((long) (base.toMillis() * (java.util.concurrent.ThreadLocalRandom.current().nextDouble() - 0.5) / 2));
                LOG.warn("mailbox {} ({}): {}; reconnecting in {} s", org.id(), org.address(), e.toString(), wait.toSeconds());
                closeQuietly();
                sleep(wait);
            }
        }
        closeQuietly();
    }

    private static boolean isAuthFailure(Exception e) {
        return e instanceof AuthenticationFailedException || e instanceof AuthException;
    }

    private static String describe(Exception e) {
        if (e instanceof AuthenticationFailedException) {
            return "login refused: " + e.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private void connect() throws MessagingException, AuthException {
        IMAPStore s = pool.login(() -> ImapConnection.open(org, credentials, settings.readTimeout()));
        imap = s;
        canIdle = org.idle() && s.hasCapability("IDLE");
        canMove = s.hasCapability("MOVE") && !org.folders().keywordOnly();
        marker = canMove ? Marker.moveTo(org.folders()) : Marker.keyword(org.folders());
        // The folders first, on the login's connection; opening the inbox then takes that same connection,
        // so a watched mailbox holds one connection (and one server process), not two.
        ensureFolder(s, org.folders().processed());
        ensureFolder(s, org.folders().quarantine());
        IMAPFolder f = (IMAPFolder) s.getFolder(org.folders().inbox());
        f.open(Folder.READ_WRITE);
        if (!canMove && !f.getPermanentFlags().contains(Flags.Flag.USER)) {
            LOG.error("mailbox {}: server offers neither MOVE nor user keywords; processed mail cannot be marked and is "
                    + "re-checked against the store on every pass", org.address());
        }
        inbox = f;
        messages.startMailbox(org.id(), f.getUIDValidity());
        dirty = true;
        LOG.info("mailbox {} connected ({}; {})", org.address(), canIdle ? "IDLE" : "polling every " + org.pollSeconds() + " s",
                canMove ? "MOVE" : "keyword " + org.folders().keyword());
        startKeepalive(f);
    }

    private static void ensureFolder(IMAPStore s, String name) throws MessagingException {
        Folder f = s.getFolder(name);
        if (!f.exists() && !f.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("cannot create folder " + name);
        }
    }

    private void watch() throws MessagingException {
        int seen = -1;
        while (running) {
            Instant now = clock.instant();
            // The folder's message count is updated synchronously from EXISTS/EXPUNGE responses, so a
            // changed count is a reliable "something arrived"; the count is taken before each search so
            // a message landing during a pass is caught by the next one.
            boolean periodic = Duration.between(lastFullScan, now).compareTo(settings.fullScan()) >= 0;
            if (dirty || inbox.getMessageCount() != seen || periodic) {
                dirty = false;
                int handled;
                int passes = 0;
                do {
                    seen = inbox.getMessageCount();
                    handled = catchUp();
                } while (handled > 0 && running && ++passes < MAX_PASSES);
                lastFullScan = now;
                if (periodic && staleView()) {
                    seen = -1;
                    continue;
                }
            }
            health.watched(org.id());
            if (canIdle) {
                inbox.idle(true);
            } else {
                sleep(Duration.ofSeconds(org.pollSeconds()));
                dirty = true;
            }
            if (!inbox.isOpen()) {
                throw new FolderClosedException(inbox, "inbox closed by server");
            }
        }
    }

    /**
     * Whether the server's own count of the inbox (STATUS, outside this session) differs from what
     * this session sees. GreenMail, for one, reports no EXPUNGE for messages moved out, so the
     * session keeps counting them, and the EXISTS for a new message (a count lower than the
     * session's) is dropped by the client: the message stays out of the session's view and its
     * searches until the folder is selected again. Re-selecting lets the next pass find it.
     */
    private boolean staleView() throws MessagingException {
        // STATUS on the inbox's own connection: a closed folder's count would need a second connection.
        int server = status(inbox, org.folders().inbox()).total;
        int session = inbox.getMessageCount();
        if (server == session) {
            return false;
        }
        // A server that forgot to tell this session about an expunge (GreenMail after MOVE): normal, and mended here.
        LOG.info("mailbox {}: the server counts {} message(s) in {}, this session sees {}; selecting it again",
                org.address(), server, org.folders().inbox(), session);
        inbox.close(false);
        inbox.open(Folder.READ_WRITE);
        return true;
    }

    /**
     * Processes everything not yet marked, oldest first: after a restart or reconnect nothing is
     * skipped. Returns how many messages were handled successfully.
     */
    private int catchUp() throws MessagingException {
        IMAPFolder f = inbox;
        Message[] pending = f.search(new NotTerm(new FlagTerm(new Flags(org.folders().keyword()), true)));
        // Size and arrival time only: ENVELOPE is never fetched, since a message whose header the
        // server cannot make an envelope of would otherwise fail to load before it can be quarantined.
        FetchProfile fp = new FetchProfile();
        fp.add(UIDFolder.FetchProfileItem.UID);
        fp.add(FetchProfile.Item.SIZE);
        fp.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
        f.fetch(pending, fp);
        long[] uids = new long[pending.length];
        for (int i = 0; i < pending.length; i++) {
            uids[i] = f.getUID(pending[i]);
        }
        Arrays.sort(uids);
        long uidValidity = f.getUIDValidity();
        int handled = 0;
        for (long uid : uids) {
            if (!running) {
                return handled;
            }
            try {
                handler.handle(f, uidValidity, uid, marker);
                handled++;
            } catch (FolderClosedException | StoreClosedException e) {
                throw e;
            } catch (MessagingException e) {
                if (!f.isOpen() || !imap.isConnected()) {
                    throw e;
                }
                handler.failed(f, uidValidity, uid, e, marker);
            } catch (Fence.LostException e) {
                // Another instance holds the mailbox now (this one froze or lost the store): it must not touch it again.
                LOG.warn("mailbox {}: {}; this instance stops watching it", org.id(), e.getMessage());
                running = false;
                return handled;
            } catch (StoreException e) {
                // The store is away (a restart, the network): not the message's fault, so it is not counted
                // towards quarantine. The pass ends; the message stays unfiled and is tried again shortly.
                LOG.warn("mailbox {}: store unavailable, UID {} and the ones behind it wait: {}", org.id(), uid, e.getMessage());
                dirty = true;
                sleep(STORE_RETRY);
                return handled;
            } catch (RuntimeException e) {
                // Pipeline failure: leave the message unmarked so the next pass retries it,
                // and go on with the ones behind it.
                handler.failed(f, uidValidity, uid, e, marker);
            }
        }
        return handled;
    }

    private static Status status(IMAPFolder f, String folder) throws MessagingException {
        return (Status) f.doCommand(p -> p.status(folder, new String[] {"MESSAGES", "UIDNEXT", "UIDVALIDITY"}));
    }

    /**
     * Another folder's UIDVALIDITY and UIDNEXT asked on this watcher's connection (a moment out of
     * IDLE), so that a job can tell whether anything was added there without logging in; empty
     * when not connected or the folder cannot be asked.
     */
    public Optional<FolderStatus> status(String folder) {
        IMAPFolder f = inbox;
        if (!running || f == null || !f.isOpen()) {
            return Optional.empty();
        }
        try {
            Status st = status(f, folder);
            lastCommand = System.nanoTime();
            return Optional.of(new FolderStatus(st.uidvalidity, st.uidnext));
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("mailbox {}: STATUS {} failed: {}", org.id(), folder, e.toString());
            return Optional.empty();
        }
    }

    private void startKeepalive(IMAPFolder f) {
        stopKeepalive();
        // Each job cancels only itself: by the time an old one notices its folder is gone, a new one may be running.
        AtomicReference<WatcherPool.Repeating> self = new AtomicReference<>();
        self.set(pool.every(settings.keepalive(), () -> {
            if (!running || inbox != f) {
                cancel(self.get());
                return;
            }
            if (System.nanoTime() - lastCommand < settings.keepalive().toNanos() * 3 / 2) {
                // Another command (the Sent folder's STATUS, once a minute) went over this connection and came back
                // within the interval: it proved the connection as a NOOP would, and one break of IDLE is enough.
                return;
            }
            try {
                // Any command on the folder ends the IDLE in progress; Angus ignores read timeouts
                // during IDLE, so this NOOP is what notices a connection that died without a FIN.
                f.doCommand(p -> {
                    p.simpleCommand("NOOP", null);
                    return null;
                });
                if (handler.progressing()) {
                    health.watched(org.id());
                }
            } catch (Exception e) {
                if (running && inbox == f) {
                    LOG.warn("mailbox {}: keepalive NOOP failed: {}", org.id(), e.toString());
                    dirty = true;
                }
                cancel(self.get());
            }
        }));
        keepalive = self.get();
    }

    private void stopKeepalive() {
        cancel(keepalive);
    }

    private static void cancel(WatcherPool.Repeating r) {
        if (r != null) {
            r.cancel();
        }
    }

    private void sleep(Duration d) {
        synchronized (sleeper) {
            try {
                if (running) {
                    sleeper.wait(Math.max(1, d.toMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private void closeQuietly() {
        stopKeepalive();
        IMAPFolder f = inbox;
        IMAPStore s = imap;
        inbox = null;
        imap = null;
        try {
            if (f != null && f.isOpen()) {
                f.close(false);
            }
        } catch (MessagingException | RuntimeException ignored) {
            // Closing a dead connection fails; nothing to do about it.
        }
        try {
            if (s != null) {
                s.close();
            }
        } catch (MessagingException | RuntimeException ignored) {
            // As above.
        }
    }
}
