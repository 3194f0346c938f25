package org.nvmexpress.discoverd.kernel.fabrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nvmexpress.discoverd.registry.DeviceName;

/**
 * What a connect came to, with the warnings met on the way (a registry entry not written, a lookup
 * that could not run). The connector returns these instead of logging them, so that the caller
 * reports each once. Messages start with the TID's compact form, then {@code | nvmeN} when known.
 */
public sealed interface ConnectOutcome {

    /** Things that went wrong without failing the connect. */
    List<String> warnings();

    /** One line for the person or the journal. Never holds a secret. */
    String message();

    /** This outcome with one more warning. */
    ConnectOutcome withWarning(String warning);

    private static List<String> plus(List<String> warnings, String warning) {
        List<String> all = new ArrayList<>(warnings);
        all.add(Objects.requireNonNull(warning, "warning"));
        return all;
    }

    /** The kernel created a new controller. */
    record Connected(DeviceName device, int cntlid, String message, List<String> warnings) implements ConnectOutcome {
        public Connected {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(message, "message");
            warnings = List.copyOf(warnings);
        }

        @Override
        public ConnectOutcome withWarning(String warning) {
            return new Connected(device, cntlid, message, plus(warnings, warning));
        }
    }

    /** A matching controller was already connected, and the request was idempotent. */
    record AlreadyConnected(DeviceName device, String message, List<String> warnings) implements ConnectOutcome {
        public AlreadyConnected {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(message, "message");
            warnings = List.copyOf(warnings);
        }

        @Override
        public ConnectOutcome withWarning(String warning) {
            return new AlreadyConnected(device, message, plus(warnings, warning));
        }
    }

    /**
     * The connect did not end as asked: no controller was connected, or (for
     * {@link ConnectFailure#ALREADY_CONNECTED}) one already was and the request was not idempotent, or
     * (for a devid file that could not be written) the controller is connected but not recorded.
     */
    record Failed(ConnectFailure reason, String message, List<String> warnings) implements ConnectOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
            warnings = List.copyOf(warnings);
        }

        @Override
        public ConnectOutcome withWarning(String warning) {
            return new Failed(reason, message, plus(warnings, warning));
        }
    }
}
