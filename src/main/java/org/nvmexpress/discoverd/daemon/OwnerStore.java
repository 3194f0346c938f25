package org.nvmexpress.discoverd.daemon;

import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.registry.AttributeName;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.registry.Registry;
import org.nvmexpress.discoverd.registry.RegistryException;

/**
 * The loop's access to the ownership registry for one controller at a time: read its owner before
 * a retry or a reconnect, record {@code discoverd}/{@code nbft} for an adopted controller that has
 * none. Blocking file I/O: workers only (tests wrap it to check). Production: {@link #of(Registry)}.
 */
interface OwnerStore {

    /** What the registry says about {@code device}; a read error is {@link OwnerReading.Unreadable}, never "no owner". */
    OwnerReading read(DeviceName device);

    /** (Re)creates the entry of {@code device} with {@code owner} and the current uevent seqnum. */
    void record(DeviceName device, String owner) throws RegistryException;

    static OwnerStore of(Registry registry) {
        Objects.requireNonNull(registry, "registry");
        return new OwnerStore() {
            @Override
            public OwnerReading read(DeviceName device) {
                try {
                    Optional<String> owner = registry.retrieve(device, AttributeName.OWNER);
                    return owner.isPresent() ? new OwnerReading.Owned(owner.get()) : new OwnerReading.None();
                } catch (RegistryException e) {
                    return new OwnerReading.Unreadable(e.getMessage());
                }
            }

            @Override
            public void record(DeviceName device, String owner) throws RegistryException {
                registry.create(device, owner);
            }
        };
    }
}
