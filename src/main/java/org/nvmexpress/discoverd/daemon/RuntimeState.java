package org.nvmexpress.discoverd.daemon;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.ini.Diagnostic;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * What the runtime state under {@code /run/nvme/discoverd} said when it was read (reference §9,
 * contract, shared with the C daemon): which unit recorded each device
 * ({@code controllers/<nvmeN>/unit}, written by the unit's {@code ExecStartPost}) and which device
 * each unit's connector last reported ({@code units/<stem>.devid}). Neither file holds a TID, so
 * neither alone proves that the device is still that unit's controller: the kernel recycles
 * instance numbers (§15 item 31); {@link Reconciler} checks.
 *
 * @param unitsByDevice the unit each {@code controllers/<dev>/unit} names
 * @param devidByUnit   the device each {@code units/<stem>.devid} names
 * @param unitWritten   when each {@code controllers/<dev>/unit} was last written (its modification
 *                      time), for comparing with the registry entry of the device
 * @param diagnostics   the entries left out and why (bad names, empty or bad content, read errors)
 */
public record RuntimeState(Map<DeviceName, UnitName> unitsByDevice, Map<UnitName, DeviceName> devidByUnit,
        Map<DeviceName, Instant> unitWritten, List<Diagnostic> diagnostics) {

    /** No runtime state at all: a first start, or a host the C daemon never ran on. */
    public static final RuntimeState EMPTY = new RuntimeState(Map.of(), Map.of(), Map.of(), List.of());

    public RuntimeState {
        unitsByDevice = copy(unitsByDevice, "unitsByDevice");
        devidByUnit = copy(devidByUnit, "devidByUnit");
        unitWritten = copy(unitWritten, "unitWritten");
        diagnostics = List.copyOf(diagnostics);
    }

    /** The unit {@code controllers/<device>/unit} names, if any. */
    public Optional<UnitName> unitOf(DeviceName device) {
        return Optional.ofNullable(unitsByDevice.get(device));
    }

    /** The device {@code units/<unit stem>.devid} names, if any. */
    public Optional<DeviceName> devidOf(UnitName unit) {
        return Optional.ofNullable(devidByUnit.get(unit));
    }

    private static <K, V> Map<K, V> copy(Map<K, V> map, String name) {
        Objects.requireNonNull(map, name);
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
