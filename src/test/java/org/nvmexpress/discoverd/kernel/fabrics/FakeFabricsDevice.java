package org.nvmexpress.discoverd.kernel.fabrics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.nvmexpress.discoverd.kernel.Errno;
import org.nvmexpress.discoverd.kernel.ErrnoException;

/**
 * A {@link FabricsDevice} that records each option string and answers with the next scripted reply
 * (a reply line, or an errno to fail the write with). Probes answer {@link #table}.
 */
final class FakeFabricsDevice implements FabricsDevice {
    KernelOptionTable table = KernelOptionTable.parse(KernelOptionTableTest.LINUX_TLS).orElseThrow();
    Errno probeFailure;
    final Deque<Object> replies = new ArrayDeque<>();
    final List<String> written = new ArrayList<>();
    int probes;

    FakeFabricsDevice reply(String line) {
        replies.add(line);
        return this;
    }

    FakeFabricsDevice fail(Errno errno) {
        replies.add(errno);
        return this;
    }

    @Override
    public KernelOptionTable probe() throws ErrnoException {
        probes++;
        if (probeFailure != null) {
            throw new ErrnoException("open /dev/nvme-fabrics", probeFailure);
        }
        return table;
    }

    @Override
    public String connect(FabricsOptions options) throws ErrnoException {
        written.add(options.render());
        Object answer = replies.removeFirst();
        if (answer instanceof Errno errno) {
            throw new ErrnoException("write /dev/nvme-fabrics", errno);
        }
        return (String) answer;
    }
}
