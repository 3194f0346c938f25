# Shared by bin/nvme-discoverd and bin/nvme-discoverctl (sourced, not run).
#
# Finds the runnable jar and a Java runtime, then runs MAIN_CLASS with JVM options chosen for a
# small, fast-starting process. Looked up in this order:
#   jar:  $NVME_DISCOVERD_JAR, then <checkout>/target/nvme-discoverd.jar (right after
#         `mvn package`), then the installed /usr/share/nvme-discoverd/nvme-discoverd.jar
#   java: $JAVA_HOME/bin/java when JAVA_HOME is set, else `java` on PATH
# Extra JVM options: $NVME_DISCOVERD_JAVA_OPTS (word-split), appended last so they win.

launcher_dir=$(dirname -- "$(readlink -f -- "$0")")

if [ -n "${NVME_DISCOVERD_JAR:-}" ]; then
    jar=$NVME_DISCOVERD_JAR
elif [ -f "$launcher_dir/../target/nvme-discoverd.jar" ]; then
    jar=$launcher_dir/../target/nvme-discoverd.jar
else
    jar=/usr/share/nvme-discoverd/nvme-discoverd.jar
fi
if [ ! -f "$jar" ]; then
    echo "$(basename -- "$0"): cannot find nvme-discoverd.jar (looked at $jar); build it with './mvnw -DskipTests package' or set NVME_DISCOVERD_JAR" >&2
    exit 1
fi

# The canonical path: an AppCDS archive is only accepted for the class path string it was dumped
# with, and packaging/build-cds-archive.sh dumps with this same readlink -f form.
jar=$(readlink -f -- "$jar")
# The archive beside the jar (packaging/README.md): -Xshare:auto ignores it when stale or built for
# another path, so a missing or mismatched archive costs start time, never the start.
cds=
if [ -f "${jar%.jar}.jsa" ]; then
    cds=-XX:SharedArchiveFile=${jar%.jar}.jsa
fi

if [ -n "${JAVA_HOME:-}" ]; then
    java=$JAVA_HOME/bin/java
else
    java=java
fi

# Serial GC and C1-only JIT: a daemon with a few MiB of live data needs neither parallel GC
# threads nor C2's warm-up, and both cost start time and resident memory. No perf-data file in
# /tmp (UsePerfData), a modest heap cap, and die on OOM so systemd restarts us cleanly.
# -Xms8m: without it the initial heap is 1/64 of the machine's memory, capped by -Xmx, so on a
# 24 GiB machine the whole 96 MiB heap is committed at start and the young generation sized from it;
# an idle empty daemon measured 85 MiB resident without and 64 MiB with it (NMT showed the heap
# committed in full). The heap still grows to -Xmx on demand (10,000 controllers).
# An idle daemon should not wake: the JVM's monitor-deflation thread checks every 250 ms and the
# VM thread makes a safepoint every second by default; with both off (diagnostic flags, hence the
# unlock) an idle empty daemon measured 20-35 wake-ups in 10 s instead of 77-85 (bench/daemon-figures.sh
# --window 10, two runs each). Monitors are still deflated at the guaranteed interval (60 s) and at GC.
# nvme.discoverd.program names the program in the journal (SYSLOG_IDENTIFIER).
# preferIPv6Addresses=system keeps getaddrinfo's order for host names in the fabrics config, so
# the first address is the one the C daemon takes (Java's default puts IPv4 first).
# shellcheck disable=SC2086
exec "$java" \
    -XX:+UseSerialGC \
    -XX:TieredStopAtLevel=1 \
    -XX:-UsePerfData \
    -XX:+UnlockDiagnosticVMOptions \
    -XX:AsyncDeflationInterval=0 \
    -XX:GuaranteedSafepointInterval=0 \
    -Xshare:auto ${cds} \
    -Xms8m \
    -Xss512k \
    -Xmx${NVME_DISCOVERD_HEAP:-96m} \
    -XX:+ExitOnOutOfMemoryError \
    -Dnvme.discoverd.program="$(basename -- "$0")" \
    -Djava.net.preferIPv6Addresses=system \
    ${NVME_DISCOVERD_JAVA_OPTS:-} \
    -cp "$jar" "$MAIN_CLASS" "$@"
