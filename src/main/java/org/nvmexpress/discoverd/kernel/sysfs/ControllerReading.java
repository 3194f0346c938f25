package org.nvmexpress.discoverd.kernel.sysfs;

import java.util.List;
import java.util.Objects;
import org.nvmexpress.discoverd.registry.DeviceName;

/** The result of reading one controller's attributes: found (with any problems) or gone. */
public sealed interface ControllerReading {

    DeviceName device();

    /**
     * The controller directory exists; what could be read, and what could not.
     *
     * @param controller the attributes read
     * @param problems   one entry per attribute (or address field) that was unusable
     */
    record Found(LiveController controller, List<AttributeProblem> problems) implements ControllerReading {
        public Found {
            Objects.requireNonNull(controller, "controller");
            problems = List.copyOf(problems);
        }

        @Override
        public DeviceName device() {
            return controller.device();
        }
    }

    /**
     * There is no {@code /sys/class/nvme/<device>}: the controller was removed (or never existed).
     *
     * @param device the controller asked for
     */
    record Gone(DeviceName device) implements ControllerReading {
        public Gone {
            Objects.requireNonNull(device, "device");
        }
    }
}
