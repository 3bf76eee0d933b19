package org.handoverbot.telegram.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on 127.0.0.1 in front of a server, that can be switched off and on: off, it closes its listening
 * socket and every connection, so clients get "connection refused" as when the Bot API is unreachable (an
 * outage); on, it listens again on the same port. Point the bot at {@link #baseUri()} instead of the server's.
 */
public final class OnOffRelay implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;

    public OnOffRelay(URI server) {
        this.target = new InetSocketAddress(server.getHost(), server.getPort());
        this.listening = listen(0);
        this.port = listening.getLocalPort();
        acceptOn(listening);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Unreachable from now on: the port refuses connections and open ones are cut. */
    public synchronized void off() {
        closeQuietly(listening);
        listening = null;
        open.forEach(OnOffRelay::closeQuietly);
        open.clear();
    }

    /** Reachable again, on the same port. */
    public synchronized void on() {
        if (listening == null) {
            listening = listen(port);
            acceptOn(listening);
        }
    }

    @Override
    public void close() {
        off();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
            return socket;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + port, e);
        }
    }

    private void acceptOn(ServerSocket server) {
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream;
                    // Under the lock of off(): a connection accepted just as the relay goes off must not survive it.
                    synchronized (OnOffRelay.this) {
                        if (listening != server) {
                            closeQuietly(client);
                            continue;
                        }
                        upstream = new Socket(target.getAddress(), target.getPort());
                        open.add(client);
                        open.add(upstream);
                    }
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException e) {
                    // closed by off(), or the server went away: the client sees its connection end
                }
            }
        }, "relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "relay-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
    }
}
