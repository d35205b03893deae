package no.meldingsvakt.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder that can cut connections the ways networks do: closed at once
 * ({@link #dropAll()}), refused ({@link #refuse(boolean)}), or silently dead without a FIN
 * ({@link #blackholeExisting()}), the half-open case a watcher must notice by itself.
 */
public final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private volatile boolean refusing;
    private volatile byte[] hidden;
    private volatile boolean closed;

    public TcpProxy(int targetPort) throws IOException {
        this.target = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "proxy-" + targetPort);
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public int openConnections() {
        return (int) links.stream().filter(l -> !l.client.isClosed() && !l.dead).count();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (refusing) {
                    client.close();
                    continue;
                }
                Link link = new Link(client, new Socket(InetAddress.getLoopbackAddress(), target));
                links.add(link);
                link.pump(link.client, link.upstream);
                link.pump(link.upstream, link.client);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /** Closes every open connection at once (the server went away). */
    public void dropAll() {
        links.forEach(Link::close);
        links.clear();
    }

    /** Overwrites {@code word} in what the server says (an extension in its EHLO answer, say), as a server without it would answer. */
    public void hideFromServer(String word) {
        hidden = word.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** New connections are closed as soon as they are accepted; existing ones are dropped. */
    public void refuse(boolean on) {
        refusing = on;
        if (on) {
            dropAll();
        }
    }

    /** Connections open now stop carrying bytes but stay open, with no FIN or RST; new ones work. */
    public void blackholeExisting() {
        links.forEach(l -> l.dead = true);
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // Already closed.
        }
        dropAll();
    }

    private final class Link {
        final Socket client;
        final Socket upstream;
        volatile boolean dead;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void pump(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[16384];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        byte[] word = hidden;
                        if (word != null && from == upstream) {
                            blank(buf, n, word);
                        }
                        if (!dead) {
                            out.write(buf, 0, n);
                            out.flush();
                        }
                    }
                } catch (IOException ignored) {
                    // One side closed.
                } finally {
                    if (!dead) {
                        close();
                    }
                }
            }, "pump");
            t.setDaemon(true);
            t.start();
        }

        private static void blank(byte[] buf, int n, byte[] word) {
            for (int i = 0; i + word.length <= n; i++) {
                if (java.util.Arrays.equals(buf, i, i + word.length, word, 0, word.length)) {
                    java.util.Arrays.fill(buf, i, i + word.length, (byte) 'X');
                }
            }
        }

        void close() {
            for (Socket s : new Socket[] {client, upstream}) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // Already closed.
                }
            }
        }
    }
}
