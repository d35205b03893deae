package no.meldingsvakt.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sockets with Nagle's algorithm off, for every connection to a mail server.
 * IMAP and SMTP are short commands waiting for short answers; with Nagle on, a command written
 * while the previous segment waits for the peer's delayed ACK sits there for up to 40 ms. Measured
 * on realmail: a new SMTP connection (EHLO, STARTTLS, EHLO, AUTH) took 95 ms with Nagle on, 12 ms
 * with it off — and a notice to a mailbox whose SMTP connection had closed waited for that.
 * Angus asks only for an unconnected socket, connects it itself (with its timeouts) and, for
 * implicit TLS, wraps it in its TLS socket; STARTTLS wraps the same socket later.
 */
final class NoDelaySockets extends SocketFactory {
    static final NoDelaySockets FACTORY = new NoDelaySockets();

    private NoDelaySockets() {}

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return noDelay(new Socket(address, port, localAddress, localPort));
    }

    /**
     * A private CA's TLS sockets, Nagle off too: with {@code ssl.socketFactory} set, Angus makes an
     * implicit-TLS socket from it instead of from the plain factory above.
     */
    static SSLSocketFactory over(SSLSocketFactory tls) {
        return new SSLSocketFactory() {
            @Override
            public String[] getDefaultCipherSuites() {
                return tls.getDefaultCipherSuites();
            }

            @Override
            public String[] getSupportedCipherSuites() {
                return tls.getSupportedCipherSuites();
            }

            @Override
            public Socket createSocket() throws IOException {
                return noDelay(tls.createSocket());
            }

            @Override
            public Socket createSocket(Socket plain, String host, int port, boolean autoClose) throws IOException {
                plain.setTcpNoDelay(true);
                return tls.createSocket(plain, host, port, autoClose);
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return noDelay(tls.createSocket(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
                return noDelay(tls.createSocket(host, port, localHost, localPort));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return noDelay(tls.createSocket(host, port));
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
                return noDelay(tls.createSocket(address, port, localAddress, localPort));
            }
        };
    }

    private static Socket noDelay(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        return s;
    }
}
