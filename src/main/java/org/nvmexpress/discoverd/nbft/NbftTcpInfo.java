package org.nvmexpress.discoverd.nbft;

import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.tid.NumericAddress;

/**
 * The TCP settings of an HFI, from its transport info structure in the heap (reference §7.2).
 * Addresses that the table stores as IPv4-mapped IPv6 ({@code ::ffff:a.b.c.d}) are IPv4 here; an
 * all-zero field is the IPv6 address {@code ::} (an IPv4-mapped zero is {@code 0.0.0.0}).
 *
 * @param pciSbdf          PCI segment, bus, device and function of the NIC
 * @param macAddress       6 bytes
 * @param vlan             the VLAN ID, 0 for none
 * @param ipOrigin         how the address was obtained (the table's {@code ip_origin} code)
 * @param ipAddress        the host's address on this interface
 * @param subnetMaskPrefix the prefix length
 * @param gateway          the gateway address
 * @param routeMetric      the route metric
 * @param primaryDns       the first DNS server
 * @param secondaryDns     the second DNS server
 * @param dhcpServer       the DHCP server, present only when {@link #dhcpOverride()} is set
 * @param hostName         the host name, when the table has one
 * @param flags            the transport info's flags byte (bit 0 valid, bit 1 global route, bit 2
 *                         DHCP override, bit 3 address autoconfigured)
 * @param pcieSegment      the PCIe segment number (0 before transport info version 2)
 * @param dhcpIaid         the DHCP IAID from the extended info, 0 when there is none
 * @param dhcpDuid         the DHCP DUID from the extended info, empty when there is none
 */
public record NbftTcpInfo(long pciSbdf, NbftBytes macAddress, int vlan, int ipOrigin, NumericAddress ipAddress,
        int subnetMaskPrefix, NumericAddress gateway, int routeMetric, NumericAddress primaryDns,
        NumericAddress secondaryDns, Optional<NumericAddress> dhcpServer, Optional<String> hostName, int flags,
        int pcieSegment, long dhcpIaid, NbftBytes dhcpDuid) {
    /** Largest DHCP DUID (RFC 8415: 2-byte type plus at most 128 bytes). */
    public static final int MAX_DUID_BYTES = 130;

    public NbftTcpInfo {
        Ranges.u32("pciSbdf", pciSbdf);
        Ranges.length("macAddress", Objects.requireNonNull(macAddress, "macAddress"), 6);
        Ranges.u16("vlan", vlan);
        Ranges.u8("ipOrigin", ipOrigin);
        Objects.requireNonNull(ipAddress, "ipAddress");
        Ranges.u8("subnetMaskPrefix", subnetMaskPrefix);
        Objects.requireNonNull(gateway, "gateway");
        Ranges.u16("routeMetric", routeMetric);
        Objects.requireNonNull(primaryDns, "primaryDns");
        Objects.requireNonNull(secondaryDns, "secondaryDns");
        Objects.requireNonNull(dhcpServer, "dhcpServer");
        Objects.requireNonNull(hostName, "hostName");
        Ranges.u8("flags", flags);
        Ranges.u8("pcieSegment", pcieSegment);
        Ranges.u32("dhcpIaid", dhcpIaid);
        Objects.requireNonNull(dhcpDuid, "dhcpDuid");
        if (dhcpDuid.length() > MAX_DUID_BYTES) {
            throw new IllegalArgumentException("dhcpDuid longer than " + MAX_DUID_BYTES + " bytes: " + dhcpDuid.length());
        }
    }

    /** Whether this interface carries the default route. */
    public boolean globalRoute() {
        return (flags & 0x02) != 0;
    }

    /** Whether the firmware got its settings from DHCP, overriding the configured ones. */
    public boolean dhcpOverride() {
        return (flags & 0x04) != 0;
    }

    /** Whether the address was autoconfigured (IPv6 SLAAC). */
    public boolean ipAddressAutoconfigured() {
        return (flags & 0x08) != 0;
    }

    /** The MAC address as {@code 52:54:00:b8:19:b9}, the way Linux names it in sysfs. */
    public String macText() {
        StringBuilder out = new StringBuilder(17);
        for (int i = 0; i < macAddress.length(); i++) {
            out.append(i == 0 ? "" : ":").append(String.format("%02x", macAddress.get(i)));
        }
        return out.toString();
    }
}
