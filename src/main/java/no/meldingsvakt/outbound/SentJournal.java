package no.meldingsvakt.outbound;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Closes the window between an SMTP server's "250 accepted" and the store recording the mail as
 * sent. The outbox id is appended here with one unbuffered write right after the 250: that takes
 * microseconds and survives a killed process (the bytes are in the OS). On the next start every
 * journaled id is marked sent before anything is sent again, so a crash never sends a mail twice.
 */
public final class SentJournal {
    private final Path file;
    private FileOutputStream out;

    public SentJournal(Path file) {
        this.file = file;
    }

    /** Ids recorded by a previous run whose "sent" may not have reached the store. */
    public synchronized List<Long> pending() {
        return lines("");
    }

    /**
     * Ids the previous run was sending when it stopped: it may have been killed after the server
     * took the final "." and before its "250" arrived (RFC 1047). No SMTP client can know whether
     * such a mail was delivered; it is sent again, and flagged as a possible duplicate.
     */
    public synchronized List<Long> interrupted() {
        List<Long> started = lines("a");
        started.removeAll(lines(""));
        return started;
    }

    private List<Long> lines(String prefix) {
        List<Long> ids = new ArrayList<>();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                    if (line.matches(prefix + "\\d+")) {
                        ids.add(Long.parseLong(line.substring(prefix.length())));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return ids;
    }

    /** Written just before the mail is handed to the SMTP server. */
    public synchronized void attempt(long id) {
        append("a" + id);
    }

    /** Written right after the server's "250". */
    public synchronized void record(long id) {
        append(Long.toString(id));
    }

    private void append(String line) {
        try {
            if (out == null) {
                no.meldingsvakt.store.PrivateFiles.createParent(file);
                no.meldingsvakt.store.PrivateFiles.create(file);
                out = new FileOutputStream(file.toFile(), true);
            }
            out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Forgets everything journaled: only when every journaled id is known to be marked sent in the store. */
    public synchronized void clear() {
        try {
            if (out != null) {
                out.close();
                out = null;
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + file, e);
        }
    }
}
