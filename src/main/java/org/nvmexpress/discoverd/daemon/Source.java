package org.nvmexpress.discoverd.daemon;

import java.util.Objects;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * Why the daemon wants a controller: one place that names it. A controller remembers every one of
 * its sources and stops being desired when its last source goes (a reload drops a file's line, a
 * new NBFT no longer lists it, a discovery controller's fresh log page leaves it out).
 *
 * <p>{@link Configured} and {@link Boot} are <em>static</em>: they come from files the administrator
 * or the firmware wrote, and such a controller is retried for ever. {@link Listed} and
 * {@link FcAnnounced} and {@link Announced} are <em>discovered</em>: a discovery controller listed
 * it, or the FC transport or DNS-SD announced it.
 */
public sealed interface Source {

    /**
     * How {@code --dry-run} and the log name the source: {@code FILE:LINE}, {@code nbft:TABLE:DESCRIPTOR},
     * {@code dlp:UNIT:entry N}, {@code fc:HOST-TRADDR} or {@code mdns:INSTANCE on IFACE}.
     */
    String describe();

    /** True for the sources read from files: the configuration and the boot tables. */
    default boolean isStatic() {
        return false;
    }

    /**
     * A {@code controller =} line of the fabrics configuration.
     *
     * @param file the file as the daemon read it (under {@code --root})
     * @param line the 1-based line of the controller entry
     */
    record Configured(String file, int line) implements Source {
        public Configured {
            Objects.requireNonNull(file, "file");
            if (line < 1) {
                throw new IllegalArgumentException("line out of range: " + line);
            }
        }

        @Override
        public String describe() {
            return file + ":" + line;
        }

        @Override
        public boolean isStatic() {
            return true;
        }
    }

    /**
     * A descriptor of a firmware boot table (NBFT).
     *
     * @param table      the table's file name, e.g. {@code NBFT} or {@code NBFT1}
     * @param descriptor the descriptor and its HFI, e.g. {@code SSNS 1 via HFI 1}
     */
    record Boot(String table, String descriptor) implements Source {
        public Boot {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(descriptor, "descriptor");
        }

        @Override
        public String describe() {
            return "nbft:" + table + ":" + descriptor;
        }

        @Override
        public boolean isStatic() {
            return true;
        }
    }

    /**
     * An entry of a discovery controller's last good log page: an I/O controller it lists, or a
     * discovery controller it refers to.
     *
     * @param dc    the unit of the discovery controller whose page lists it
     * @param entry the entry's 0-based index in that page
     */
    record Listed(UnitName dc, int entry) implements Source {
        public Listed {
            Objects.requireNonNull(dc, "dc");
            if (entry < 0) {
                throw new IllegalArgumentException("entry out of range: " + entry);
            }
        }

        @Override
        public String describe() {
            return "dlp:" + dc.value() + ":entry " + entry;
        }
    }

    /**
     * A discovery controller the FC transport announced ({@code FC_EVENT=nvmediscovery}, after a
     * kickstart).
     *
     * @param hostTraddr the local port it was seen from ({@code nn-0x…:pn-0x…}), or {@code null}
     */
    record FcAnnounced(String hostTraddr) implements Source {
        @Override
        public String describe() {
            return "fc:" + (hostTraddr == null ? "kickstart" : hostTraddr);
        }
    }

    /**
     * A discovery controller announced with DNS-SD (TP8009) and seen by the daemon's browser.
     *
     * @param instance      the service instance's name, as the announcement gave it (checked by
     *                      the TXT rule's caller to hold no control character)
     * @param interfaceName the interface it was heard on
     */
    record Announced(String instance, String interfaceName) implements Source {
        public Announced {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(interfaceName, "interfaceName");
        }

        @Override
        public String describe() {
            return "mdns:" + instance + " on " + interfaceName;
        }
    }
}
