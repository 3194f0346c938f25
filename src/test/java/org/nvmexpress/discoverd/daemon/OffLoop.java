package org.nvmexpress.discoverd.daemon;

import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nvmexpress.discoverd.kernel.sysfs.ControllerReading;
import org.nvmexpress.discoverd.kernel.sysfs.Sysfs;
import org.nvmexpress.discoverd.kernel.sysfs.SysfsException;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.registry.RegistryEntry;
import org.nvmexpress.discoverd.registry.RegistryException;

/**
 * Wrappers of the blocking ports that fail the test when they are called on the loop's thread
 * (STYLE §7 rule 7, like okhttp's {@code forbidLock}): the daemon must send that work to a worker.
 */
final class OffLoop {
    private OffLoop() {
    }

    static void check(EventLoop loop, String what) {
        if (loop.inLoop()) {
            throw new AssertionError("blocking call on the loop's thread: " + what);
        }
    }

    static Sysfs sysfs(EventLoop loop, Sysfs sysfs) {
        return new Sysfs() {
            @Override
            public List<DeviceName> controllers() throws SysfsException {
                check(loop, "Sysfs.controllers");
                return sysfs.controllers();
            }

            @Override
            public ControllerReading controller(DeviceName device) {
                check(loop, "Sysfs.controller " + device);
                return sysfs.controller(device);
            }

            @Override
            public long ueventSeqnum() throws SysfsException {
                check(loop, "Sysfs.ueventSeqnum");
                return sysfs.ueventSeqnum();
            }
        };
    }

    static OwnerStore owners(EventLoop loop, OwnerStore owners) {
        return new OwnerStore() {
            @Override
            public OwnerReading read(DeviceName device) {
                check(loop, "OwnerStore.read " + device);
                return owners.read(device);
            }

            @Override
            public void record(DeviceName device, String owner) throws RegistryException {
                check(loop, "OwnerStore.record " + device);
                owners.record(device, owner);
            }

            @Override
            public List<RegistryEntry> entries() throws RegistryException {
                check(loop, "OwnerStore.entries");
                return owners.entries();
            }

            @Override
            public boolean remove(RegistryEntry stale) throws RegistryException {
                check(loop, "OwnerStore.remove " + stale.device());
                return owners.remove(stale);
            }
        };
    }

    static ExclusionSource exclusions(EventLoop loop, ExclusionSource source) {
        return previous -> {
            check(loop, "ExclusionSource.refresh");
            return source.refresh(previous);
        };
    }

    /** A resolver from a map; names it does not know fail, until {@link #set} gives them an address. */
    static final class FakeHostResolver implements HostResolver {
        private final EventLoop loop;
        private final Map<String, String> addresses = new HashMap<>();
        private final Map<String, Integer> asked = new HashMap<>();

        FakeHostResolver(EventLoop loop) {
            this.loop = loop;
        }

        FakeHostResolver set(String hostName, String address) {
            addresses.put(hostName, address);
            return this;
        }

        @Override
        public String resolve(String hostName) throws UnknownHostException {
            check(loop, "HostResolver.resolve " + hostName);
            asked.merge(hostName, 1, Integer::sum);
            String address = addresses.get(hostName);
            if (address == null) {
                throw new UnknownHostException(hostName + ": Name or service not known");
            }
            return address;
        }

        int asked(String hostName) {
            return asked.getOrDefault(hostName, 0);
        }
    }
}
