package no.meldingsvakt.store;

import java.net.InetAddress;
import java.time.Instant;
import java.util.UUID;

/**
 * This running process, as other instances on the same store see it. The id is new at every
 * start: a restarted process is a new instance and takes over its predecessor's leases only when
 * they run out, exactly as another machine would.
 */
public record Instance(String id, String host, long pid, Instant startedAt) {

    public static Instance current(Instant now) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown-host";
        }
        long pid = ProcessHandle.current().pid();
        return new Instance(host + "/" + pid + "/" + UUID.randomUUID().toString().substring(0, 8), host, pid, now);
    }

    @Override
    public String toString() {
        return id;
    }
}
