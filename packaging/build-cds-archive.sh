#!/usr/bin/env bash
# Builds the AppCDS archive beside the daemon's jar: nvme-discoverd.jsa next to nvme-discoverd.jar.
#
#   packaging/build-cds-archive.sh JAR
#
# Why here and not once at build time only: JDK 17 accepts a dynamic archive only for the exact
# class path string recorded when it was dumped (and the jar's size and mtime). Checked on 17.0.15:
# the same jar and archive copied together to another directory are refused ("An error has
# occurred while processing the shared archive file" under -Xshare:on; silently unused under
# -Xshare:auto), whether the class path was dumped absolute or relative. So it runs where the jar
# is: by hand on target/nvme-discoverd.jar in a checkout (`mvn package` does not run it yet), and a
# package's postinst on the installed jar (/usr/share/nvme-discoverd/nvme-discoverd.jar).
#
# The training run is the daemon itself on an empty --root tree with D-Bus pointed at a socket that
# does not exist: it loads its steady-state classes (configuration, event loop, sd_notify, the
# D-Bus adapter's retry path, logging), reaches READY and is stopped with SIGTERM, when the JVM
# writes the archive. No network, no bus, nothing outside a temporary directory is touched.
# The GC and JIT options below are a copy of bin/launcher.sh's (an archive is refused under another
# GC): keep them in step, or run the training through the launcher (NVME_DISCOVERD_JAVA_OPTS).
set -euo pipefail

if [ "$#" -ne 1 ] || [ ! -f "$1" ]; then
    echo "usage: build-cds-archive.sh JAR (an existing nvme-discoverd.jar)" >&2
    exit 2
fi
jar=$(readlink -f -- "$1")
archive=${jar%.jar}.jsa
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
train_seconds=${NVME_DISCOVERD_CDS_TRAINING:-3}

work=$(mktemp -d "${TMPDIR:-/tmp}/nvme-discoverd-cds.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
mkdir -p "$work/root/etc/nvme"
: >"$work/root/etc/nvme/nvme-fabrics.conf"
rm -f -- "$archive"

# timeout sends SIGTERM (a clean shutdown, exit status 143 inside, 124 from timeout): the archive
# is written at JVM exit. Picocli's classes are class file version 49 and CDS skips them with a
# warning each; the log is shown only when no archive came out.
status=0
DBUS_SYSTEM_BUS_ADDRESS="unix:path=$work/no-bus" NOTIFY_SOCKET= \
    timeout -s TERM "$train_seconds" "$java" \
    -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData \
    -XX:ArchiveClassesAtExit="$archive" \
    -cp "$jar" org.nvmexpress.discoverd.cli.DaemonMain --root="$work/root" \
    </dev/null >"$work/training.log" 2>&1 || status=$?
if [ ! -s "$archive" ]; then
    echo "build-cds-archive.sh: no archive written (training run status $status); its output:" >&2
    tail -n 30 "$work/training.log" >&2
    exit 1
fi
echo "build-cds-archive.sh: wrote $archive ($(du -k "$archive" | cut -f1) KiB)"
