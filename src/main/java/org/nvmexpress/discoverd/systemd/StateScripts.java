package org.nvmexpress.discoverd.systemd;

import java.util.Objects;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * The three {@code /bin/sh} scripts a connection unit runs around its connector, which keep the
 * runtime state of reference §9 that ties a kernel device to the unit that connected it:
 *
 * <ul>
 * <li><b>after start</b> ({@code ExecStartPost}, script A, only after a successful connect): deletes
 * the unit's secrets ({@code credentials/<unit stem>}, written by {@link CredentialFiles}) — systemd
 * copied them into the unit when it started and the kernel holds what it needs — then reads the
 * device name the connector wrote into {@code units/<unit>.devid} and records the unit in
 * {@code controllers/<dev>/unit};
 * <li><b>stop</b> ({@code ExecStop}, script B): disconnects the device only when
 * {@code controllers/<dev>/unit} names this unit, so a recycled instance number that now belongs to
 * another unit is never disconnected;
 * <li><b>after stop</b> ({@code ExecStopPost}, script C): deletes the devid file, and the
 * {@code controllers/<dev>} directory when it names this unit. Not the secrets: a
 * {@code RestartUnit} runs this script between its stop and its start, and the start needs the
 * files the daemon wrote just before the call. After a failed connect they stay until the next
 * attempt rewrites them or a successful one deletes them: root-only, on the {@code /run} tmpfs.
 * </ul>
 *
 * <p>The paths and the guard are the C daemon's (§3.3), so either daemon handles the units the other
 * left. One difference on purpose: a devid file that does not hold {@code nvme<N>} is ignored (the
 * C script would write {@code controllers/unit} for an empty one, and would follow a path in it).
 *
 * <p>The text is plain shell; {@link ExecCommand#literal} protects it from systemd's expansion.
 */
final class StateScripts {
    /** The runtime directory of both daemons (reference §9, contract). */
    static final String RUNTIME_DIR = "/run/nvme/discoverd";

    private final String runtimeDir;
    private final String nvmePath;

    /**
     * @param runtimeDir {@link #RUNTIME_DIR}; another directory only in tests that run the scripts
     * @param nvmePath   the {@code nvme} program whose {@code disconnect -d} script B runs
     */
    StateScripts(String runtimeDir, String nvmePath) {
        this.runtimeDir = Objects.requireNonNull(runtimeDir, "runtimeDir");
        this.nvmePath = Objects.requireNonNull(nvmePath, "nvmePath");
    }

    /** {@code <runtime>/units/<unit stem>.devid}: where the connector writes {@code nvmeN}. */
    String devidFile(UnitName unit) {
        return runtimeDir + "/units/" + unit.devidFileName();
    }

    /** {@code <runtime>/credentials}: the root-only directory of every unit's secrets. */
    String credentialsRoot() {
        return runtimeDir + "/credentials";
    }

    /** {@code <runtime>/credentials/<unit stem>}: this unit's secrets, one file per credential id. */
    String credentialDir(UnitName unit) {
        return credentialsRoot() + "/" + unit.stem();
    }

    /** {@code <runtime>/credentials/<unit stem>/<id>}: the file of one secret. */
    String credentialFile(UnitName unit, String id) {
        return credentialDir(unit) + "/" + id;
    }

    /** Script A: drop the secrets, then record which unit owns the device the connector created. */
    String afterStart(UnitName unit) {
        String dir = quote(runtimeDir + "/controllers/") + "\"$dev\"";
        return "rm -rf " + quote(credentialDir(unit)) + "\n"
                + readDevice(unit)
                + "mkdir -p " + dir + " && printf '%s\\n' " + quote(unit.value()) + " > " + dir + "/unit\n";
    }

    /** Script B: disconnect the device, but only while it is this unit's. */
    String stop(UnitName unit) {
        return readDevice(unit) + ownedByThisUnit(unit)
                + "exec " + quote(nvmePath) + " disconnect -d \"$dev\"\n";
    }

    /** Script C: forget the device: the devid file always, the controller's state if it is ours. */
    String afterStop(UnitName unit) {
        String devid = quote(devidFile(unit));
        return "dev=$(cat " + devid + " 2>/dev/null)\n"
                + "rm -f " + devid + "\n"
                + checkDevice()
                + ownedByThisUnit(unit)
                + "rm -rf " + quote(runtimeDir + "/controllers/") + "\"$dev\"\n";
    }

    private String readDevice(UnitName unit) {
        return "dev=$(cat " + quote(devidFile(unit)) + " 2>/dev/null)\n" + checkDevice();
    }

    /** Only {@code nvme} followed by digits goes on: no empty name, no path in the devid file. */
    private static String checkDevice() {
        return "case $dev in nvme[0-9]*) ;; *) exit 0 ;; esac\n"
                + "case ${dev#nvme} in *[!0-9]*) exit 0 ;; esac\n";
    }

    private String ownedByThisUnit(UnitName unit) {
        return "[ \"$(cat " + quote(runtimeDir + "/controllers/") + "\"$dev\"/unit 2>/dev/null)\" = "
                + quote(unit.value()) + " ] || exit 0\n";
    }

    /** {@code text} as one shell word, whatever it contains. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
