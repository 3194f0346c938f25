package org.nvmexpress.discoverd.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Connects one controller through {@code /dev/nvme-fabrics}, reports the sysfs attributes the
 * daemon builds a controller's identity from (reference §4.3) and its state, then deletes it and
 * reports whether it is gone.
 */
final class ControllerSysfsCheck implements GuestCheck {
    static final List<String> ATTRIBUTES = List.of("transport", "address", "subsysnqn", "cntrltype", "state");

    private final String name;
    private final String nqn;

    ControllerSysfsCheck(String name, String nqn) {
        this.name = name;
        this.nqn = nqn;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void run(GuestReport report) throws IOException {
        GuestFabrics.Connected controller = GuestFabrics.connect(GuestTarget.port1Options(nqn));
        report.put("reply", controller.reply());
        report.put("device", controller.device());
        try {
            for (String attribute : ATTRIBUTES) {
                report.put(attribute, GuestFabrics.attribute(controller, attribute));
            }
        } finally {
            GuestFabrics.delete(controller);
        }
        report.put("deleted", String.valueOf(!Files.exists(controller.sysfs())));
    }
}
