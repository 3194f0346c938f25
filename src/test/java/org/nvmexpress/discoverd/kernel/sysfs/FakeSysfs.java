package org.nvmexpress.discoverd.kernel.sysfs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.nvmexpress.discoverd.registry.DeviceName;

/**
 * A {@link Sysfs} that answers {@link #controller} from a script: each call takes the next
 * reading, and the last one is repeated once the script is used up. Records how often it was read.
 */
final class FakeSysfs implements Sysfs {
    private final Deque<ControllerReading> script;
    private ControllerReading last;
    private int reads;

    FakeSysfs(List<ControllerReading> readings) {
        if (readings.isEmpty()) {
            throw new IllegalArgumentException("a script needs at least one reading");
        }
        this.script = new ArrayDeque<>(readings);
    }

    /** The scripted controller's name. */
    @Override
    public List<DeviceName> controllers() {
        return List.of((script.isEmpty() ? last : script.peekFirst()).device());
    }

    @Override
    public ControllerReading controller(DeviceName device) {
        reads++;
        if (!script.isEmpty()) {
            last = script.removeFirst();
        }
        if (!last.device().equals(device)) {
            throw new AssertionError("asked for " + device + ", scripted " + last.device());
        }
        return last;
    }

    @Override
    public long ueventSeqnum() {
        throw new AssertionError("not scripted: ueventSeqnum");
    }

    int reads() {
        return reads;
    }
}
