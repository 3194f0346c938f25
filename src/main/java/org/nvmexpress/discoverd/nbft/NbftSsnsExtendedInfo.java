package org.nvmexpress.discoverd.nbft;

import java.util.Objects;
import java.util.Optional;

/**
 * The extended information of an SSNS (reference §7.2). The revision 1.1 fields ({@code naed},
 * {@code cipeec}, {@code cto}, {@code nceec}) are 0 when the structure is the shorter revision 1.0.
 *
 * @param controllerId the controller ID the firmware was connected to
 * @param asqsz        the admin submission queue size, 0 when the table does not give one
 * @param dhcpRootPath the DHCP root path string, when there is one
 * @param naed         the namespace attribute event data
 * @param cipeec       the connect-in-progress error count
 * @param cto          the connect timeout (0xffff: no timeout)
 * @param nceec        the namespace change event error count
 */
public record NbftSsnsExtendedInfo(int controllerId, int asqsz, Optional<String> dhcpRootPath, int naed, int cipeec,
        int cto, int nceec) {
    public NbftSsnsExtendedInfo {
        Ranges.u16("controllerId", controllerId);
        Ranges.u16("asqsz", asqsz);
        Objects.requireNonNull(dhcpRootPath, "dhcpRootPath");
        Ranges.u8("naed", naed);
        Ranges.u8("cipeec", cipeec);
        Ranges.u16("cto", cto);
        Ranges.u8("nceec", nceec);
    }
}
