package org.nvmexpress.discoverd.systemd;

import java.io.IOException;
import java.net.DatagramPacket;
import java.nio.file.Path;
import java.util.Arrays;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** A unix datagram socket bound by a test, standing in for systemd's notify or journal socket. */
public final class DatagramReceiver implements AutoCloseable {
    /** How long {@link #receive()} waits before failing the test; a datagram sent is there at once. */
    private static final int TIMEOUT_MILLIS = 5_000;

    private final AFUNIXDatagramSocket socket;

    private DatagramReceiver(AFUNIXSocketAddress address) throws IOException {
        socket = AFUNIXDatagramSocket.newInstance();
        socket.bind(address);
        socket.setSoTimeout(TIMEOUT_MILLIS);
    }

    public static DatagramReceiver atPath(Path path) throws IOException {
        return new DatagramReceiver(AFUNIXSocketAddress.of(path));
    }

    public static DatagramReceiver inAbstractNamespace(String name) throws IOException {
        return new DatagramReceiver(AFUNIXSocketAddress.inAbstractNamespace(name));
    }

    /** The next datagram's bytes; throws {@link java.net.SocketTimeoutException} when none comes. */
    public byte[] receive() throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[256 * 1024], 256 * 1024);
        socket.receive(packet);
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }

    public String receiveText() throws IOException {
        return new String(receive(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        socket.close();
    }
}
