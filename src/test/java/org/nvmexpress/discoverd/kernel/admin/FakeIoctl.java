package org.nvmexpress.discoverd.kernel.admin;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.nvmexpress.discoverd.kernel.Errno;
import org.nvmexpress.discoverd.kernel.ErrnoException;

/**
 * An {@link Ioctl} that plays a scripted controller: each ioctl takes the next scripted answer,
 * records the request and the struct it was given, and on success fills the data buffer the struct
 * points to and the struct's result field, as the driver does.
 */
final class FakeIoctl implements Ioctl {
    /** One scripted answer: an errno to fail with, or a return value with data and result. */
    record Answer(Errno errno, int returnValue, byte[] data, long result) {
        static Answer fail(Errno errno) {
            return new Answer(errno, 0, new byte[0], 0);
        }

        static Answer status(int status) {
            return new Answer(null, status, new byte[0], 0);
        }

        static Answer success(byte[] data, long result) {
            return new Answer(null, 0, data, result);
        }
    }

    /** What one ioctl call received. */
    record Call(int fd, long request, byte[] struct) {
    }

    final Deque<Answer> script = new ArrayDeque<>();
    final List<Call> calls = new ArrayList<>();
    final List<Integer> closed = new ArrayList<>();
    Errno openFailure;
    Path opened;

    @Override
    public int openReadOnly(Path device) throws ErrnoException {
        if (openFailure != null) {
            throw new ErrnoException("open " + device, openFailure);
        }
        opened = device;
        return 7;
    }

    @Override
    public int ioctl(int fd, long request, Pointer argument) throws ErrnoException {
        boolean wide = request == PassthroughStruct.NVME_IOCTL_ADMIN64_CMD;
        int size = wide ? PassthroughStruct.SIZE_64 : PassthroughStruct.SIZE;
        byte[] struct = argument.getByteArray(0, size);
        calls.add(new Call(fd, request, struct));
        Answer answer = script.removeFirst();
        if (answer.errno() != null) {
            throw new ErrnoException(String.format("ioctl 0x%08X", request), answer.errno());
        }
        if (answer.returnValue() == 0) {
            ByteBuffer b = ByteBuffer.wrap(struct).order(ByteOrder.nativeOrder());
            long address = b.getLong(PassthroughStruct.ADDR);
            new Pointer(address).write(0, answer.data(), 0, answer.data().length);
            if (wide) {
                argument.setLong(PassthroughStruct.RESULT_64, answer.result());
            } else {
                argument.setInt(PassthroughStruct.RESULT, (int) answer.result());
            }
        }
        return answer.returnValue();
    }

    @Override
    public void close(int fd) {
        closed.add(fd);
    }
}
