package org.nvmexpress.discoverd.nbft;

import java.util.Objects;

/**
 * A host fabric interface: the network port the firmware booted through (reference §7.2). Only
 * NVMe/TCP exists in the specification, so every HFI carries TCP information.
 *
 * @param index   the descriptor's own index, which SSNS and discovery descriptors link by
 * @param tcpInfo the interface's addresses and settings
 */
public record NbftHfi(int index, NbftTcpInfo tcpInfo) {
    /** The transport name every HFI has: {@code tcp}. */
    public static final String TRANSPORT = "tcp";

    public NbftHfi {
        Ranges.u8("index", index);
        Objects.requireNonNull(tcpInfo, "tcpInfo");
    }

    public String transport() {
        return TRANSPORT;
    }
}
