package io.ledgerbridge.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds free local ports for tests that run a stack beside another one. A port is handed out once per
 * JVM: the operating system may offer a just-closed port again, and two parts of the stack must not
 * both be given it.
 */
final class FreePorts {

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    static synchronized int next() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("No free local port", e);
            }
        }
        throw new IllegalStateException("No free local port after 100 tries");
    }
}
