package org.nvmexpress.discoverd.kernel.uevent;

import java.io.IOException;
import java.util.Objects;

/**
 * Where uevent datagrams come from: the port between the {@link UeventReader} and the kernel.
 * Production uses {@link NetlinkUeventSocket}; tests and the simulated host hand in scripted
 * datagrams. One thread calls {@link #receive()}; {@link #wakeUp()} may be called from any thread.
 */
public interface UeventSocket extends AutoCloseable {
    /** What one {@link #receive()} returns. */
    sealed interface Received {
    }

    /**
     * One datagram.
     *
     * @param bytes  its bytes, possibly cut at the socket's buffer size (then longer than any valid
     *               uevent, so the decoder rejects it); copied in and out
     * @param sender who sent it, as the kernel reports it
     */
    record Datagram(byte[] bytes, Sender sender) implements Received {
        public Datagram {
            bytes = Objects.requireNonNull(bytes, "bytes").clone();
            Objects.requireNonNull(sender, "sender");
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** The kernel dropped datagrams because the receive buffer was full ({@code ENOBUFS}). */
    record Overflow() implements Received {
    }

    /** No datagram is waiting: a burst has ended, and the next call blocks until one arrives. */
    record Drained() implements Received {
    }

    /** {@link #wakeUp()} was called: the reader must stop; later calls return this again. */
    record Closed() implements Received {
    }

    /**
     * The next datagram or condition, blocking while nothing is waiting.
     *
     * @throws IOException when the socket fails in a way that will not go away (not for
     *                     {@code EINTR}, {@code EAGAIN} or {@code ENOBUFS})
     */
    Received receive() throws IOException;

    /** Makes a blocked or later {@link #receive()} return {@link Closed}. Safe from any thread. */
    void wakeUp();

    /** Releases the socket; call only after the reading thread has stopped. */
    @Override
    void close() throws IOException;
}
