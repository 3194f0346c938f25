package org.nvmexpress.discoverd.kernel;

import java.nio.file.Path;

/**
 * The nvmet target every guest boots with, as set up by {@code integration-tests/qemu/guest/nvmet-target.sh}
 * (keep the two in step): two I/O subsystems on tcp port 4420, a second port 4421 that port 4420's
 * discovery log page refers to, all on 127.0.0.1.
 */
final class GuestTarget {
    static final String TRADDR = "127.0.0.1";
    /**
     * JVM options for every JVM in the guest: the host root (and its /tmp) is read-only there, so
     * temporary files go to the guest's writable /run/guest-tmp (made by guest/init), and no
     * hsperfdata file is written to /tmp.
     */
    static final String[] JVM_TMP_OPTIONS = {"-Djava.io.tmpdir=/run/guest-tmp", "-XX:-UsePerfData"};
    static final String PORT1_TRSVCID = "4420";
    static final String PORT2_TRSVCID = "4421";
    static final String DISCOVERY_NQN = "nqn.2014-08.org.nvmexpress.discovery";
    /** Linked to port 1 only. */
    static final String IO1_NQN = "nqn.2014-08.org.nvmexpress:test-io1";
    /** Linked to ports 1 and 2. */
    static final String IO2_NQN = "nqn.2014-08.org.nvmexpress:test-io2";
    /**
     * The keep-alive of a persistent discovery connection, in seconds: what the shipped
     * {@code nvme-fabrics.conf.sample} gives every DC ({@code keep-alive-tmo = 30} under
     * {@code [Discovery Controller Defaults]}).
     * Without one the target drops an idle DC after its own discovery timeout (120 s in 6.1).
     */
    static final int DC_KEEP_ALIVE_TMO_SEC = 30;
    static final Path NVMET = Path.of("/sys/kernel/config/nvmet");
    /** The configfs link that puts test-io2 on port 1; removing it changes port 1's log page. */
    static final Path PORT1_IO2_LINK = NVMET.resolve("ports/1/subsystems").resolve(IO2_NQN);
    static final Path IO2_SUBSYSTEM = NVMET.resolve("subsystems").resolve(IO2_NQN);

    private GuestTarget() {
    }

    /** The {@code /dev/nvme-fabrics} options that connect to {@code nqn} on port 1. */
    static String port1Options(String nqn) {
        return "transport=tcp,traddr=" + TRADDR + ",trsvcid=" + PORT1_TRSVCID + ",nqn=" + nqn;
    }

    /** The options of a persistent discovery connection to port 1's DC, as the daemon holds one. */
    static String port1PersistentDcOptions() {
        return port1Options(DISCOVERY_NQN) + ",keep_alive_tmo=" + DC_KEEP_ALIVE_TMO_SEC;
    }
}
