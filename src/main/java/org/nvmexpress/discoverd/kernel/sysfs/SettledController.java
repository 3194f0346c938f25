package org.nvmexpress.discoverd.kernel.sysfs;

import java.util.List;
import java.util.Objects;
import org.nvmexpress.discoverd.registry.DeviceName;

/** What {@link ControllerSettler} found after waiting for a new controller's attributes. */
public sealed interface SettledController {

    DeviceName device();

    /** How many times the attributes were read. */
    int reads();

    /**
     * Every attribute needed to identify the controller is there.
     *
     * @param reading the last reading
     * @param reads   how many readings it took
     */
    record Populated(ControllerReading.Found reading, int reads) implements SettledController {
        public Populated {
            Objects.requireNonNull(reading, "reading");
        }

        @Override
        public DeviceName device() {
            return reading.device();
        }
    }

    /**
     * Still incomplete after the last allowed reading; the caller may use what is there.
     *
     * @param reading the last reading
     * @param reads   how many readings were made
     * @param missing the attributes that never appeared
     */
    record Incomplete(ControllerReading.Found reading, int reads, List<String> missing) implements SettledController {
        public Incomplete {
            Objects.requireNonNull(reading, "reading");
            missing = List.copyOf(missing);
        }

        @Override
        public DeviceName device() {
            return reading.device();
        }
    }

    /**
     * The controller disappeared before it settled (connect failed, or it was removed at once).
     *
     * @param device the controller
     * @param reads  how many readings were made
     */
    record Vanished(DeviceName device, int reads) implements SettledController {
        public Vanished {
            Objects.requireNonNull(device, "device");
        }
    }
}
