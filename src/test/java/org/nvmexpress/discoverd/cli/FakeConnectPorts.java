package org.nvmexpress.discoverd.cli;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.nvmexpress.discoverd.kernel.Errno;
import org.nvmexpress.discoverd.kernel.ErrnoException;
import org.nvmexpress.discoverd.kernel.fabrics.FabricsDevice;
import org.nvmexpress.discoverd.kernel.fabrics.FabricsOptions;
import org.nvmexpress.discoverd.kernel.fabrics.KernelOptionTable;
import org.nvmexpress.discoverd.kernel.sysfs.LiveControllerLookup;
import org.nvmexpress.discoverd.registry.DeviceName;
import picocli.CommandLine;

/**
 * A fake kernel for {@code connect}: {@code /dev/nvme-fabrics} answers scripted replies (a line, or
 * an errno for the write) and records what was written; the lookup finds {@link #live} when set.
 * Also the picocli factory that hands these ports to {@link ConnectCommand}.
 */
final class FakeConnectPorts implements ConnectPorts, CommandLine.IFactory {
    final Deque<Object> replies = new ArrayDeque<>();
    final List<String> written = new ArrayList<>();
    KernelOptionTable table = KernelOptionTable.unknown();
    DeviceName live;
    Path credentials;

    FakeConnectPorts reply(String line) {
        replies.add(line);
        return this;
    }

    FakeConnectPorts fail(Errno errno) {
        replies.add(errno);
        return this;
    }

    @Override
    public FabricsDevice fabrics(Path root) {
        return new FabricsDevice() {
            @Override
            public KernelOptionTable probe() {
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
        };
    }

    @Override
    public LiveControllerLookup lookup(Path root) {
        return (tid, identity) -> Optional.ofNullable(live);
    }

    @Override
    public Optional<Path> credentialsDirectory() {
        return Optional.ofNullable(credentials);
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == ConnectCommand.class) {
            return type.cast(new ConnectCommand(this));
        }
        return CommandLine.defaultFactory().create(type);
    }
}
