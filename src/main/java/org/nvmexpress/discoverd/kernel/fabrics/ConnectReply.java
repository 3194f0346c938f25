package org.nvmexpress.discoverd.kernel.fabrics;

import java.util.Optional;
import org.nvmexpress.discoverd.registry.DeviceName;

/**
 * The kernel's answer to a successful connect, read back from the same {@code /dev/nvme-fabrics}
 * descriptor: {@code instance=N,cntlid=M}. The new controller is {@code /dev/nvmeN}.
 *
 * @param instance the controller's instance number, 0 or more
 * @param cntlid   the controller ID the target assigned
 */
public record ConnectReply(int instance, int cntlid) {
    public ConnectReply {
        if (instance < 0) {
            throw new IllegalArgumentException("instance must not be negative: " + instance);
        }
    }

    /** The controller's device name, {@code nvmeN}. */
    public DeviceName device() {
        return new DeviceName("nvme" + instance);
    }

    /**
     * Reads {@code instance=N,cntlid=M} (tokens in any order, a trailing newline allowed, unknown
     * tokens ignored). Empty when there is no non-negative instance or no cntlid, e.g. the
     * {@code instance=-1} of an option table.
     */
    public static Optional<ConnectReply> parse(String text) {
        Integer instance = null;
        Integer cntlid = null;
        for (String token : text.strip().split(",")) {
            int eq = token.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = token.substring(0, eq).strip();
            Integer value = decimal(token.substring(eq + 1).strip());
            if (key.equals("instance")) {
                instance = value;
            } else if (key.equals("cntlid")) {
                cntlid = value;
            }
        }
        if (instance == null || instance < 0 || cntlid == null) {
            return Optional.empty();
        }
        return Optional.of(new ConnectReply(instance, cntlid));
    }

    private static Integer decimal(String text) {
        if (!text.matches("-?[0-9]{1,10}")) {
            return null;
        }
        long value = Long.parseLong(text);
        return value == (int) value ? (int) value : null;
    }
}
