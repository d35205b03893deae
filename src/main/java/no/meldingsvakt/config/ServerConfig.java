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
        if (security == Security.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        if (security != Security.PLAIN) {
            props.setProperty(p + "ssl.checkserveridentity", "true");
        }
        sslTrust.ifPresent(t -> props.setProperty(p + "ssl.trust", t));
        if (security != Security.PLAIN && caFile.isPresent()) {
            props.put(p + "ssl.socketFactory", PrivateCa.socketFactory(caFile.get()));
        }
        return props;
    }

    public String protocol(String base) {
        return security == Security.TLS ? base + "s" : base;
    }
}
