package org.nvmexpress.discoverd.daemon;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.registry.AttributeName;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.registry.Registry;
import org.nvmexpress.discoverd.registry.RegistryEntry;
import org.nvmexpress.discoverd.registry.RegistryException;

/**
 * The loop's access to the ownership registry for one controller at a time: read its owner before
 * a retry or a reconnect, record {@code discoverd}/{@code nbft} for an adopted controller that has
 * none; and for the audit, every entry at once and the removal of a stale one of ours. Blocking
 * file I/O: workers only (tests wrap it to check). Production: {@link #of(Registry)}.
 */
interface OwnerStore {

    /** What the registry says about {@code device}; a read error is {@link OwnerReading.Unreadable}, never "no owner". */
    OwnerReading read(DeviceName device);

    /** (Re)creates the entry of {@code device} with {@code owner} and the current uevent seqnum. */
    void record(DeviceName device, String owner) throws RegistryException;

    /** Every entry, live or stale, in instance order ({@link Registry#listAll()}). */
    List<RegistryEntry> entries() throws RegistryException;

    /**
     * Removes the entry of {@code stale}'s device if it still holds exactly what {@code stale} read:
     * a controller connected on that instance number since writes a new entry (a new seqnum stamp),
     * which must stay. Between the comparison and the removal another writer can still slip in; the
     * window is that of the udev cleanup rule's own check (reference §10.5).
     *
     * @return whether the entry was removed; false when it changed or was gone already
     */
    boolean remove(RegistryEntry stale) throws RegistryException;

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

            @Override
            public List<RegistryEntry> entries() throws RegistryException {
                return registry.listAll();
            }

            @Override
            public boolean remove(RegistryEntry stale) throws RegistryException {
                try {
                    if (!registry.entry(stale.device()).equals(stale)) {
                        return false;
                    }
                    registry.delete(stale.device());
                    return true;
                } catch (RegistryException e) {
                    if (e.reason() == RegistryException.Reason.NOT_FOUND) {
                        return false; // someone (the udev rule) removed it first: the answer is the same
                    }
                    throw e;
                }
            }
        };
    }
}
