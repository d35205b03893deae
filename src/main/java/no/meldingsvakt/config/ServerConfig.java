package no.meldingsvakt.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * One IMAP or SMTP endpoint. {@code sslTrust} names hosts whose certificate is trusted without a
 * CA chain (Jakarta Mail's {@code ssl.trust}); only for self-signed test servers, never "*".
 * {@code caFile} is a PEM file of the private CA that signed the server's certificate: trusted
 * besides nothing else, with the host name still checked.
 */
public record ServerConfig(String host, int port, Security security, Optional<String> sslTrust, Optional<Path> caFile) {

    public ServerConfig(String host, int port, Security security, Optional<String> sslTrust) {
        this(host, port, security, sslTrust, Optional.empty());
    }

    /** Jakarta Mail session properties for this endpoint; {@code base} is "imap" or "smtp". */
    public Properties mailProperties(String base, Duration timeout) {
        String protocol = security == Security.TLS ? base + "s" : base;
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty("mail." + (base.equals("imap") ? "store" : "transport") + ".protocol", protocol);
        props.setProperty(p + "host", host);
        props.setProperty(p + "port", Integer.toString(port));
        props.setProperty(p + "connectiontimeout", Long.toString(timeout.toMillis()));
        props.setProperty(p + "timeout", Long.toString(timeout.toMillis()));
        props.setProperty(p + "writetimeout", Long.toString(timeout.toMillis()));
        // Without a shared executor Angus starts a timer thread for every connection's write timeout.
        props.put(p + "executor.writetimeout", WriteTimeouts.EXECUTOR);
        // Angus connects this plain socket and then, for implicit TLS, wraps it (honouring ssl.trust);
        // a private CA's ssl.socketFactory below takes its place there, and turns Nagle off too.
        props.put(p + "socketFactory", NoDelaySockets.FACTORY);
        if (security == Security.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        if (security != Security.PLAIN) {
            props.setProperty(p + "ssl.checkserveridentity", "true");
        }
        sslTrust.ifPresent(t -> props.setProperty(p + "ssl.trust", t));
        if (security != Security.PLAIN && caFile.isPresent()) {
            props.put(p + "ssl.socketFactory", NoDelaySockets.over(PrivateCa.socketFactory(caFile.get())));
        }
        return props;
    }

    /** One timer thread for the write timeouts of every IMAP and SMTP connection of the process. */
    private static final class WriteTimeouts {
        static final java.util.concurrent.ScheduledExecutorService EXECUTOR = executor();

        private static java.util.concurrent.ScheduledExecutorService executor() {
            java.util.concurrent.ScheduledThreadPoolExecutor e = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "mail-write-timeouts");
                t.setDaemon(true);
                return t;
            });
            // A write that finished cancels its timer; without this the queue would keep every cancelled one until it was due.
            e.setRemoveOnCancelPolicy(true);
            return e;
        }
    }

    public String protocol(String base) {
        return security == Security.TLS ? base + "s" : base;
    }
}
