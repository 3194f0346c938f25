package org.nvmexpress.discoverd.sim.fabric;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import org.nvmexpress.discoverd.tid.NumericAddress;

/**
 * The NBFT (reference §7.2) of a host that booted through a {@link BootPath}: one host descriptor
 * (the host NQN and ID, both marked configured), one HFI (tcp, the boot path's host address with
 * prefix /24 for IPv4 or /64 for IPv6, set statically: no DHCP, no gateway), and one SSNS (the
 * port's address and service, the subsystem's NQN, namespace 1, the HFI as its primary and only
 * interface, no discovery controller, no security profile). The simulated host writes it as
 * {@code sys/firmware/acpi/tables/NBFT1}; the daemon derives one boot I/O controller from it.
 *
 * <p>A focused writer rather than the general one the nbft tests use ({@code NbftTableWriter},
 * which builds every descriptor kind and breaks tables on purpose): the simulation needs only this
 * table. Layout as the firmware tables in the fixtures: header at 0, control descriptor at 64, host
 * descriptor at 128, the HFI at 160, the SSNS at 192, the heap from 320; the checksum makes the
 * bytes sum to 0 mod 256.
 */
public final class BootTable {
    private static final int CONTROL = 64;
    private static final int HOST = 128;
    private static final int HOST_SIZE = 32;
    private static final int HFI = HOST + HOST_SIZE;
    private static final int HFI_SIZE = 32;
    private static final int SSNS = HFI + HFI_SIZE;
    private static final int SSNS_SIZE = 128;
    private static final int HEAP = SSNS + SSNS_SIZE;
    private static final int HFI_INFO_SIZE = 128;
    private static final int VALID = 0x01;
    private static final int TCP = 3;
    /** Host flags: valid, host ID configured, host NQN configured. */
    private static final int HOST_FLAGS = 0x07;
    /** HFI transport info flags: valid and global route, as the static tables in the fixtures. */
    private static final int HFI_FLAGS = 0x03;
    /** {@code ip_origin} of a manually configured address, as the static tables in the fixtures. */
    private static final int IP_ORIGIN_MANUAL = 1;
    private static final Pattern UUID = Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");

    private BootTable() {
    }

    /**
     * The table of {@code boot}, for the host with {@code hostnqn} and {@code hostid}.
     *
     * @param hostid the host ID as UUID text ({@code /etc/nvme/hostid}), written in text order, as
     *               the parser shows it back
     * @throws IllegalArgumentException when the boot path's port is not in {@code fabric} or not
     *                                  tcp, an address is not numeric, or {@code hostid} is no UUID
     */
    public static byte[] encode(Fabric fabric, BootPath boot, String hostnqn, String hostid) {
        Objects.requireNonNull(boot, "boot");
        Objects.requireNonNull(hostnqn, "hostnqn");
        int portIndex = fabric.ports().stream().map(Port::name).toList().indexOf(boot.port());
        if (portIndex < 0) {
            throw new IllegalArgumentException("no port named " + boot.port());
        }
        Port port = fabric.ports().get(portIndex);
        if (!port.transport().equals("tcp")) {
            throw new IllegalArgumentException("an NBFT boots over tcp, the port " + port.name() + " is " + port.transport());
        }
        if (!UUID.matcher(hostid).matches()) {
            throw new IllegalArgumentException("the host ID is not a UUID: " + hostid);
        }
        NumericAddress hostIp = address(boot.hostIp());
        Heap heap = new Heap();
        ByteBuffer t = ByteBuffer.allocate(HEAP).order(ByteOrder.LITTLE_ENDIAN);
        t.put(HOST, (byte) 2).put(HOST + 1, (byte) HOST_FLAGS).put(HOST + 2, HexFormat.of().parseHex(hostid.replace("-", "")));
        heap.string(hostnqn).put(t, HOST + 18);
        t.put(HFI, (byte) 3).put(HFI + 1, (byte) 1).put(HFI + 2, (byte) VALID).put(HFI + 3, (byte) TCP);
        heap.bytes(hfiInfo(hostIp)).put(t, HFI + 16);
        t.put(SSNS, (byte) 4).putShort(SSNS + 1, (short) 1).putShort(SSNS + 3, (short) VALID).put(SSNS + 5, (byte) TCP);
        heap.bytes(ip16(address(port.traddr()))).put(t, SSNS + 10);
        heap.string(port.trsvcid()).put(t, SSNS + 16);
        t.putShort(SSNS + 22, (short) (portIndex + 1)).putInt(SSNS + 24, 1);
        t.put(SSNS + 46, (byte) 1);
        heap.string(boot.subsystem()).put(t, SSNS + 54);
        control(t);
        byte[] heapBytes = heap.out.toByteArray();
        header(t, HEAP + heapBytes.length, heapBytes.length);
        byte[] table = new byte[HEAP + heapBytes.length];
        System.arraycopy(t.array(), 0, table, 0, HEAP);
        System.arraycopy(heapBytes, 0, table, HEAP, heapBytes.length);
        int sum = 0;
        for (byte b : table) {
            sum += b;
        }
        table[9] = (byte) -sum;
        return table;
    }

    /** The 128-byte TCP transport info of HFI 1: a static address, nothing else configured. */
    private static byte[] hfiInfo(NumericAddress hostIp) {
        byte[] zero = ip16(hostIp.isIpv4() ? address("0.0.0.0") : address("::"));
        ByteBuffer b = ByteBuffer.allocate(HFI_INFO_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 7).put(1, (byte) 1).put(2, (byte) TCP).put(3, (byte) 1).putShort(4, (short) 1);
        b.put(6, (byte) HFI_FLAGS).put(19, (byte) IP_ORIGIN_MANUAL).put(20, ip16(hostIp));
        b.put(36, (byte) (hostIp.isIpv4() ? 24 : 64)).put(37, zero).put(56, zero).put(72, zero).put(88, zero);
        return b.array();
    }

    private static void control(ByteBuffer t) {
        t.put(CONTROL, (byte) 1).put(CONTROL + 1, (byte) 1).putShort(CONTROL + 4, (short) 64).put(CONTROL + 6, (byte) VALID);
        t.putInt(CONTROL + 8, HOST).putShort(CONTROL + 12, (short) HOST_SIZE).put(CONTROL + 14, (byte) 1);
        t.putInt(CONTROL + 16, HFI).putShort(CONTROL + 20, (short) HFI_SIZE).put(CONTROL + 22, (byte) 1)
                .put(CONTROL + 23, (byte) 1);
        t.putInt(CONTROL + 24, SSNS).putShort(CONTROL + 28, (short) SSNS_SIZE).put(CONTROL + 30, (byte) 1)
                .put(CONTROL + 31, (byte) 1);
    }

    private static void header(ByteBuffer t, int length, int heapLength) {
        t.put(0, "NBFT".getBytes(StandardCharsets.US_ASCII)).putInt(4, length).put(8, (byte) 1);
        t.put(10, "NVMESM".getBytes(StandardCharsets.US_ASCII)).put(16, "SIMNBFT ".getBytes(StandardCharsets.US_ASCII));
        t.put(28, "JAVA".getBytes(StandardCharsets.US_ASCII));
        t.putInt(36, HEAP).putInt(40, heapLength);
    }

    private static NumericAddress address(String text) {
        return NumericAddress.parse(text).filter(a -> text.indexOf('%') < 0)
                .orElseThrow(() -> new IllegalArgumentException("not a numeric IP address: " + text));
    }

    /** The 16-byte IP field: IPv6 as is, IPv4 mapped ({@code ::ffff:a.b.c.d}). */
    private static byte[] ip16(NumericAddress address) {
        byte[] bytes = address.bytes();
        if (bytes.length == 16) {
            return bytes;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(bytes, 0, mapped, 12, 4);
        return mapped;
    }

    /** The heap being written: objects appended in order, addressed from the table's start. */
    private static final class Heap {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        /** A string: its UTF-8 bytes and a NUL; the reference's length leaves the NUL out. */
        Ref string(String text) {
            Ref ref = bytes(text.getBytes(StandardCharsets.UTF_8));
            out.write(0);
            return ref;
        }

        Ref bytes(byte[] bytes) {
            Ref ref = new Ref(HEAP + out.size(), bytes.length);
            out.write(bytes, 0, bytes.length);
            return ref;
        }
    }

    /** A heap reference as descriptors store it: u32 offset, u16 length. */
    private record Ref(int offset, int length) {
        void put(ByteBuffer descriptor, int at) {
            descriptor.putInt(at, offset).putShort(at + 4, (short) length);
        }
    }
}
