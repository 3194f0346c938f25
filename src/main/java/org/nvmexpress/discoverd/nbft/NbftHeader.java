package org.nvmexpress.discoverd.nbft;

import java.util.Objects;
import java.util.Optional;

/**
 * The ACPI header of a table (reference §7.2), as far as it tells the reader something: who wrote
 * the table and which revision of the NBFT specification it follows.
 *
 * @param length           the table length the header declares (at most the file size)
 * @param majorRevision    always 1 (others are rejected)
 * @param minorRevision    0 or 1 (others are rejected)
 * @param oemId            the 6-character OEM ID, trailing spaces and NULs removed
 * @param oemTableId       the 8-character OEM table ID, trimmed likewise
 * @param oemRevision      the OEM revision
 * @param creatorId        the 4-character ID of the tool that built the table, trimmed likewise
 * @param creatorRevision  that tool's revision
 * @param driverDevicePath the boot driver's device path signature (a heap string), when present
 */
public record NbftHeader(long length, int majorRevision, int minorRevision, String oemId, String oemTableId,
        long oemRevision, String creatorId, long creatorRevision, Optional<String> driverDevicePath) {
    public NbftHeader {
        Ranges.u32("length", length);
        Ranges.u8("majorRevision", majorRevision);
        Ranges.u8("minorRevision", minorRevision);
        Objects.requireNonNull(oemId, "oemId");
        Objects.requireNonNull(oemTableId, "oemTableId");
        Ranges.u32("oemRevision", oemRevision);
        Objects.requireNonNull(creatorId, "creatorId");
        Ranges.u32("creatorRevision", creatorRevision);
        Objects.requireNonNull(driverDevicePath, "driverDevicePath");
    }
}
