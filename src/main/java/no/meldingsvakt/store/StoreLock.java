package no.meldingsvakt.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The one running service per store: an exclusive OS lock on {@code <store>.lock}, holding the
 * holder's PID, host and start time so a second instance can say who has it. The OS releases the
 * lock when the process dies, so a crash never leaves a stale lock behind.
 */
public final class StoreLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or throws {@link StoreInUseException} naming the holder. */
    public static StoreLock acquire(Path store) {
        Path file = lockFile(store);
        FileChannel ch = null;
        try {
            PrivateFiles.createParent(file);
            PrivateFiles.create(file);
            ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                String holder = holder(ch);
                ch.close();
                throw new StoreInUseException("the store " + store.toAbsolutePath() + " is in use by another Meldingsvakt"
                        + (holder.isBlank() ? "" : " (" + holder + ")") + "; only one 'run' may use a store");
            }
            String me = "PID " + ProcessHandle.current().pid() + " on " + host() + " since " + Instant.now();
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            return new StoreLock(ch, l);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new StoreException("cannot lock " + file + ": " + e.getMessage(), null);
        }
    }

    /**
     * Who holds the store, as far as can be told without touching the lock: the holder line
     * ({@code PID 4242 on host since …}) when a service runs, empty when none does (the file is
     * emptied at a clean stop; after a crash the PID it names is no longer alive on this host).
     */
    public static java.util.Optional<String> runningHolder(Path store) {
        Path file = lockFile(store);
        String line;
        try {
            line = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^PID (\\d+) on (\\S+) ").matcher(line);
        if (!m.find()) {
            return java.util.Optional.empty();
        }
        if (m.group(2).equals(host()) && ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false) == false) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(line);
    }

    static Path lockFile(Path store) {
        return store.resolveSibling(store.getFileName() + ".lock");
    }

    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(512);
        ch.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            if (ch != null) {
                ch.close();
            }
        } catch (IOException ignored) {
            // Nothing held yet.
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.truncate(0);
            channel.close();
        } catch (IOException ignored) {
            // The OS drops the lock with the process anyway.
        }
    }

    /** Another process (or this one) already runs on the store. */
    public static final class StoreInUseException extends RuntimeException {
        public StoreInUseException(String message) {
            super(message);
        }
    }
}
