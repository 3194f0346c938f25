package org.nvmexpress.discoverd.varlink;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** A client that writes whatever bytes a test wants, and reads replies or the end of the stream. */
final class RawClient implements AutoCloseable {
    private final AFUNIXSocket socket;
    private final MessageReader reader;

    RawClient(Path path) throws IOException {
        socket = AFUNIXSocket.newInstance();
        socket.connect(AFUNIXSocketAddress.of(path));
        reader = new MessageReader(socket.getInputStream(), VarlinkJson.mapper(), 64 << 20);
    }

    /** Writes {@code json} and its NUL. */
    RawClient send(String json) throws IOException {
        return write((json + "\0").getBytes(StandardCharsets.UTF_8));
    }

    RawClient write(byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
        return this;
    }

    /** The next reply; fails when the server closed the connection. */
    JsonNode reply() throws IOException {
        return reader.next().orElseThrow(() -> new IOException("the server closed the connection"));
    }

    /** Whether a reply has arrived (without waiting for one). */
    boolean hasBytes() throws IOException {
        return socket.getInputStream().available() > 0;
    }

    /** Waits until the server closes the connection, discarding any reply sent before. */
    void awaitClosedByServer() {
        try {
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[65536];
            while (in.read(sink) >= 0) {
                // discard replies sent before the close
            }
        } catch (IOException e) {
            // ECONNRESET: the server closed with our bytes unread, which is the close awaited.
            return;
        }
    }

    Optional<JsonNode> next() throws IOException {
        return reader.next();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
