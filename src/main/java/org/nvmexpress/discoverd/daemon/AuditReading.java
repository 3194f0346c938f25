package org.nvmexpress.discoverd.daemon;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.nvmexpress.discoverd.registry.RegistryEntry;
import org.nvmexpress.discoverd.registry.RegistryException;

/**
 * What one audit read off the loop: every registry entry, the host, and whether the runtime-state
 * directory still has its layout.
 *
 * @param registry      every registry entry, live or stale, listed <em>before</em> sysfs was read:
 *                      an entry exists only once its controller does (the connector writes it
 *                      after the kernel made the device), so an entry listed here whose device is
 *                      missing from the later survey belongs to a controller that went away
 * @param host          the survey (sysfs, live owners, runtime state, exclusion lists)
 * @param runtimeLayout whether {@code run/nvme/discoverd} and its {@code units/} and
 *                      {@code controllers/} are all there ({@link RuntimeStateWriter#isIntact})
 */
record AuditReading(List<RegistryEntry> registry, HostSnapshot host, boolean runtimeLayout) {

    AuditReading {
        registry = List.copyOf(registry);
        Objects.requireNonNull(host, "host");
    }

    /** Reads all three, in the order the {@code registry} component explains. Blocking: workers only. */
    static AuditReading read(OwnerStore owners, HostSurvey survey, Path root) throws RegistryException {
        List<RegistryEntry> registry = owners.entries();
        HostSnapshot host = survey.read();
        return new AuditReading(registry, host, RuntimeStateWriter.isIntact(root));
    }
}
