package org.nvmexpress.discoverd.kernel.sysfs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Attribute sets of {@code /sys/class/nvme/nvmeN} as kernels of several generations write them
 * (each value ends with the newline the {@code show} handler prints). What changed between them:
 * {@code host_iface} in the address since 5.14, {@code cntrltype} and {@code dctype} since 5.18,
 * {@code src_addr} for TCP since 6.1 (and only while the socket is up).
 */
final class RecordedControllers {
    static final String HOSTNQN = "nqn.2014-08.org.nvmexpress:uuid:4c4c4544-0034-5310-8052-b4c04f4e4332";
    static final String HOSTID = "4c4c4544-0034-5310-8052-b4c04f4e4332";
    static final String VOL1 = "nqn.2014-08.com.example:storage.vol1";
    static final String UNIQUE_DC_NQN = "nqn.1988-11.com.dell:SFSS:2:20220208134025e8";
    static final String WELL_KNOWN = "nqn.2014-08.org.nvmexpress.discovery";

    /** Linux 5.10, TCP I/O controller: no cntrltype, no src_addr. */
    static final Map<String, String> TCP_5_10 = attributes("tcp", "traddr=192.168.1.20,trsvcid=4420", VOL1, null, "live");

    /** Linux 5.15, TCP, connected with --host-traddr and --host-iface. */
    static final Map<String, String> TCP_5_15_PINNED = attributes("tcp",
            "traddr=192.168.1.20,trsvcid=4420,host_traddr=192.168.1.5,host_iface=eth0", VOL1, null, "live");

    /** Linux 6.1, TCP, not pinned: the kernel shows the source address it chose. */
    static final Map<String, String> TCP_6_1 = attributes("tcp",
            "traddr=192.168.1.20,trsvcid=4420,src_addr=192.168.1.5", VOL1, "io", "live");

    /** Linux 6.1, TCP, pinned to an address and an interface. */
    static final Map<String, String> TCP_6_1_PINNED = attributes("tcp",
            "traddr=192.168.1.20,trsvcid=4420,host_traddr=192.168.1.5,host_iface=eth0,src_addr=192.168.1.5",
            VOL1, "io", "live");

    /** Linux 6.1, TCP, reconnecting: no socket, so no src_addr. */
    static final Map<String, String> TCP_6_1_RECONNECTING = attributes("tcp",
            "traddr=192.168.1.20,trsvcid=4420", VOL1, "io", "connecting");

    /** Linux 6.1, a CDC connected through the well-known NQN: sysfs shows its unique NQN. */
    static final Map<String, String> TCP_6_1_UNIQUE_DC = with(attributes("tcp",
            "traddr=192.168.1.30,trsvcid=8009,src_addr=192.168.1.5", UNIQUE_DC_NQN, "discovery", "live"),
            "dctype", "cdc\n");

    /** Linux 6.1, a discovery controller without a unique NQN. */
    static final Map<String, String> TCP_6_1_DC = with(attributes("tcp",
            "traddr=192.168.1.30,trsvcid=8009,src_addr=192.168.1.5", WELL_KNOWN, "discovery", "live"),
            "dctype", "none\n");

    /** Linux 6.1, IPv6, connected by someone who typed the address in upper case, uncompressed. */
    static final Map<String, String> TCP_IPV6 = attributes("tcp",
            "traddr=2001:DB8:0:0::20,trsvcid=4420,src_addr=2001:db8::5", VOL1, "io", "live");

    /** Linux 6.1, connected through an IPv4-mapped IPv6 address. */
    static final Map<String, String> TCP_IPV4_MAPPED = attributes("tcp",
            "traddr=::ffff:192.168.1.20,trsvcid=4420,src_addr=::ffff:192.168.1.5", VOL1, "io", "live");

    /** Linux 6.1, FC: WWNs as nvme-cli passed them (here upper case), host port always shown. */
    static final Map<String, String> FC = attributes("fc",
            "traddr=nn-0x20000090FA942779:pn-0x10000090FA942779,host_traddr=nn-0x20000090fae0b5f5:pn-0x10000090fae0b5f5",
            VOL1, "io", "live");

    /** Linux 5.15, RDMA. */
    static final Map<String, String> RDMA = attributes("rdma", "traddr=10.0.0.20,trsvcid=4420", VOL1, null, "live");

    private RecordedControllers() {
    }

    private static Map<String, String> attributes(String transport, String address, String subsysnqn,
            String cntrltype, String state) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("transport", transport + "\n");
        a.put("address", address + "\n");
        a.put("subsysnqn", subsysnqn + "\n");
        a.put("hostnqn", HOSTNQN + "\n");
        a.put("hostid", HOSTID + "\n");
        a.put("state", state + "\n");
        if (cntrltype != null) {
            a.put("cntrltype", cntrltype + "\n");
        }
        return Map.copyOf(a);
    }

    static Map<String, String> with(Map<String, String> attributes, String name, String content) {
        Map<String, String> a = new LinkedHashMap<>(attributes);
        a.put(name, content);
        return Map.copyOf(a);
    }

    static Map<String, String> without(Map<String, String> attributes, String name) {
        Map<String, String> a = new LinkedHashMap<>(attributes);
        a.remove(name);
        return Map.copyOf(a);
    }
}
