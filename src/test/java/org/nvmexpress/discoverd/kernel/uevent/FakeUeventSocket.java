package org.nvmexpress.discoverd.kernel.uevent;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A {@link UeventSocket} fed by the test: datagrams, overflows, drains and failures come out of
 * {@link #receive()} in the order they were put in; it blocks while nothing is queued.
 * {@link #wakeUp()} queues a {@link UeventSocket.Closed}. Synchronous tests queue everything,
 * ending with {@link #closed()}, and run the reader on the test thread.
 */
final class FakeUeventSocket implements UeventSocket {
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final CountDownLatch released = new CountDownLatch(1);

    FakeUeventSocket datagram(byte[] bytes, Sender sender) {
        queue.add(new Datagram(bytes, sender));
        return this;
    }

    FakeUeventSocket overflow() {
        queue.add(new Overflow());
        return this;
    }

    FakeUeventSocket drained() {
        queue.add(new Drained());
        return this;
    }

    FakeUeventSocket closed() {
        queue.add(new Closed());
        return this;
    }

    FakeUeventSocket failure(IOException e) {
        queue.add(e);
        return this;
    }

    @Override
    public Received receive() throws IOException {
        Object next;
        try {
            next = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Closed();
        }
        if (next instanceof IOException failure) {
            throw failure;
        }
        return (Received) next;
    }

    @Override
    public void wakeUp() {
        queue.add(new Closed());
    }

    @Override
    public void close() {
        released.countDown();
    }

    /** Released by {@link #close()}; for tests on other threads to wait on. */
    CountDownLatch released() {
        return released;
    }
}
