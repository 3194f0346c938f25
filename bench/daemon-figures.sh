#!/usr/bin/env bash
# Whole-process figures of the daemon against ARCHITECTURE §11's budgets (TESTING §4,
# docs/benchmarks.md): start to READY=1 with an empty configuration and with 1,000 configured
# controllers, idle resident memory, and wake-ups while idle. Medians of RUNS runs, and the ratio to
# each budget.
#
#   bench/daemon-figures.sh [-n RUNS] [--controllers N] [--idle SECONDS] [--window SECONDS] [--json FILE]
#                           [--no-bus] [--keep]
#
# --controllers 0 runs the empty configuration only (for trying JVM options on idle memory);
# --no-bus points DBUS_SYSTEM_BUS_ADDRESS at a socket that does not exist instead of a private bus
# (the daemon must become READY all the same); --keep leaves the temporary tree, with each run's
# daemon log, and prints where it is.
#
# Builds nothing: it runs bin/nvme-discoverd on target/nvme-discoverd.jar (./mvnw -B -DskipTests
# package). NVME_DISCOVERD_JAVA_OPTS and JAVA_HOME reach the launcher as they are, so JVM options can
# be tried without changing it. Each run starts the daemon with --root on a temporary tree holding
# the configuration, NOTIFY_SOCKET on a datagram socket this script listens on (READY=1 is timed
# with CLOCK_MONOTONIC from just before the daemon is executed), and DBUS_SYSTEM_BUS_ADDRESS on a
# private dbus-daemon. No systemd answers there (org.freedesktop.systemd1 is an unknown name): the
# daemon says so, keeps its unit requests waiting and retries, so the configured controllers are
# never connected and the figures are those of a daemon whose units are pending (READY does not
# wait for the units, §11). After READY=1 it
# waits SECONDS (default 10), reads VmRSS from /proc/PID/status and Pss from /proc/PID/smaps_rollup,
# then counts over --window SECONDS more (default 60) the
# voluntary context switches of all the process's threads (/proc/PID/task/*/status): each is a
# thread going to sleep, that is one wake-up, and the CPU time used. Then SIGTERM.
set -euo pipefail
cd "$(dirname -- "$0")/.."

runs=5
controllers=1000
idle=10
window=60
json_out=
keep=false
no_bus=false
while [ "$#" -gt 0 ]; do
    case $1 in
        -n) runs=$2; shift 2 ;;
        --controllers) controllers=$2; shift 2 ;;
        --idle) idle=$2; shift 2 ;;
        --window) window=$2; shift 2 ;;
        --json) json_out=$2; shift 2 ;;
        --keep) keep=true; shift ;;
        --no-bus) no_bus=true; shift ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/daemon-figures.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done

if [ ! -f target/nvme-discoverd.jar ]; then
    echo "bench/daemon-figures.sh: no target/nvme-discoverd.jar; build it with './mvnw -B -DskipTests package'" >&2
    exit 1
fi
for tool in python3 dbus-daemon; do
    if ! command -v "$tool" >/dev/null; then
        echo "bench/daemon-figures.sh: needs $tool" >&2
        exit 1
    fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/daemon-figures.XXXXXX")
bus_pid=
cleanup() {
    if [ -n "$bus_pid" ]; then
        kill "$bus_pid" 2>/dev/null || true
        wait "$bus_pid" 2>/dev/null || true
    fi
    if [ "$keep" = true ]; then
        echo "the runs' configurations and daemon logs are in $work"
    else
        rm -rf -- "$work"
    fi
}
trap cleanup EXIT

# A private bus, as the integration tests' PrivateDbusDaemon: everything allowed, no systemd on it.
cat >"$work/bus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=$work/bus</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
  </policy>
</busconfig>
EOF
if [ "$no_bus" = true ]; then
    echo "unix:path=$work/no-such-bus" >"$work/bus.address"
else
    dbus-daemon --config-file="$work/bus.conf" --nofork --print-address >"$work/bus.address" 2>"$work/bus.log" &
    bus_pid=$!
    for _ in $(seq 50); do
        [ -s "$work/bus.address" ] && break
        sleep 0.1
    done
    if [ ! -s "$work/bus.address" ]; then
        echo "bench/daemon-figures.sh: dbus-daemon did not start:" >&2
        cat "$work/bus.log" >&2
        exit 1
    fi
fi

python3 - "$work" "$runs" "$controllers" "$idle" "$(head -n1 "$work/bus.address")" "$window" "$json_out" <<'PY'
import os, select, signal, socket, statistics, subprocess, sys, time

work, runs, controllers, idle, bus = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
window, json_out = float(sys.argv[6]), sys.argv[7]
import json
FIGURES = []
LAUNCHER = os.path.abspath("bin/nvme-discoverd")
READY_TIMEOUT = 60.0


def monotonic():
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC)


def write_root(name, n):
    """A --root tree with etc/nvme/nvme-fabrics.conf: empty, or n controllers in drop-ins of
    one discovery controller and up to 99 subsystems each, numeric addresses (nothing to resolve)."""
    root = os.path.join(work, name)
    etc = os.path.join(root, "etc", "nvme")
    os.makedirs(os.path.join(etc, "nvme-fabrics.conf.d"))
    with open(os.path.join(etc, "nvme-fabrics.conf"), "w") as f:
        f.write("[I/O Controller Defaults]\nctrl-loss-tmo = 600\n" if n else "")
    fabric, written = 0, 0
    while written < n:
        lines = ["[Discovery Controller]", f"controller = transport=tcp;traddr=192.168.{fabric}.10;trsvcid=8009"]
        written += 1
        for s in range(min(99, n - written)):
            lines += ["[Subsystem]", f"nqn = nqn.2024-01.com.example:fabric{fabric}.vol{s}",
                      f"controller = transport=tcp;traddr=10.{fabric}.{s}.20;trsvcid=4420"]
            written += 1
        with open(os.path.join(etc, "nvme-fabrics.conf.d", f"fabric-{fabric:03d}.conf"), "w") as f:
            f.write("\n".join(lines) + "\n")
        fabric += 1
    return root


def status_field(path, key):
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return None


def threads(pid):
    """Per thread: (name, voluntary, nonvoluntary context switches)."""
    out = {}
    base = f"/proc/{pid}/task"
    for tid in os.listdir(base):
        try:
            with open(f"{base}/{tid}/comm") as f:
                name = f.read().strip()
        except FileNotFoundError:
            continue
        v = status_field(f"{base}/{tid}/status", "voluntary_ctxt_switches")
        nv = status_field(f"{base}/{tid}/status", "nonvoluntary_ctxt_switches")
        if v is not None:
            out[tid] = (name, v, nv or 0)
    return out


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime, after the state field


def run(root, label, index):
    sock_path = os.path.join(work, f"notify-{label}-{index}")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(sock_path)
    messages = []  # (monotonic ns, message)

    def drain(until_ns, stop_at_ready=False):
        """Receives notifications until until_ns (or the first READY=1); True when READY=1 came."""
        while True:
            left = (until_ns - monotonic()) / 1e9
            if left <= 0:
                return False
            ready, _, _ = select.select([sock], [], [], left)
            if ready:
                data = sock.recv(65536).decode("utf-8", "replace")
                messages.append((monotonic(), data))
                if stop_at_ready and "READY=1" in data.splitlines():
                    return True

    env = dict(os.environ, NOTIFY_SOCKET=sock_path, DBUS_SYSTEM_BUS_ADDRESS=bus)
    log = open(os.path.join(work, f"daemon-{label}-{index}.log"), "w")
    start = monotonic()
    proc = subprocess.Popen([LAUNCHER, f"--root={root}"], env=env, stdin=subprocess.DEVNULL, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    deadline = start + int(READY_TIMEOUT * 1e9)
    ready_at = None
    while ready_at is None and monotonic() < deadline and proc.poll() is None:
        if drain(min(deadline, monotonic() + int(0.2e9)), stop_at_ready=True):
            ready_at = messages[-1][0]
    result = {"label": label, "pid": proc.pid}
    if ready_at is None:
        result["error"] = ("exited with status %s before READY=1" % proc.returncode if proc.poll() is not None
                           else "no READY=1 within %.0f s" % READY_TIMEOUT)
    else:
        result["ready_ms"] = (ready_at - start) / 1e6
        drain(ready_at + int(idle * 1e9))
        for key in ("VmRSS", "RssAnon", "RssFile"):
            result[key] = status_field(f"/proc/{proc.pid}/status", key)
        result["rss_kib"] = result["VmRSS"]
        # PSS shares the pages mapped by other processes (libjvm, the CDS archive) among them.
        result["pss_kib"] = status_field(f"/proc/{proc.pid}/smaps_rollup", "Pss")
        before, ticks_before, n_before = threads(proc.pid), cpu_ticks(proc.pid), len(messages)
        drain(monotonic() + int(window * 1e9))
        after, ticks_after = threads(proc.pid), cpu_ticks(proc.pid)
        per_thread = {}
        for tid, (name, v, nv) in after.items():
            v0, nv0 = before.get(tid, (name, 0, 0))[1:]
            per_thread.setdefault(name, [0, 0])
            per_thread[name][0] += v - v0
            per_thread[name][1] += nv - nv0
        result["wakeups"] = sum(p[0] for p in per_thread.values())
        result["involuntary"] = sum(p[1] for p in per_thread.values())
        result["per_thread"] = per_thread
        result["idle_cpu_ms"] = (ticks_after - ticks_before) * 1000 / os.sysconf("SC_CLK_TCK")
        result["notify_idle"] = [m for _, m in messages[n_before:]]
        result["threads"] = len(after)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            result["stop"] = "killed after 15 s"
    result.setdefault("stop", "exit status %d" % proc.returncode)
    log.close()
    sock.close()
    os.unlink(sock_path)
    with open(log.name) as f:
        result["log"] = f.read()
    return result


empty = write_root("empty", 0)
configured = write_root("configured", controllers)
with open("/proc/loadavg") as f:
    load_start = " ".join(f.read().split()[:3])
print(f"{runs} runs of each on {os.cpu_count()} cores, load average {load_start}; bus {bus};\n  "
      f"NVME_DISCOVERD_JAVA_OPTS={os.environ.get('NVME_DISCOVERD_JAVA_OPTS', '')!r}")
results = {"empty": [], "configured": []}
for i in range(runs):
    for label, root in (("empty", empty), ("configured", configured)) if controllers else (("empty", empty),):
        r = run(root, label, i)
        results[label].append(r)
        if "error" in r:
            print(f"  run {i + 1} {label}: {r['error']}; {r['stop']}; the daemon said:")
            print("    " + "\n    ".join(r["log"].strip().splitlines()[-15:]))
        else:
            print(f"  run {i + 1} {label:10s}: READY after {r['ready_ms']:7.1f} ms, VmRSS {r['rss_kib'] / 1024:5.1f} MiB,"
                  f" {r['wakeups']:4d} wake-ups and {r['idle_cpu_ms']:5.0f} ms CPU in {window:.0f} s idle,"
                  f" {r['threads']} threads; {r['stop']}")
with open("/proc/loadavg") as f:
    load_end = " ".join(f.read().split()[:3])


def figure(name, values, unit, budget, source):
    FIGURES.append({"figure": name, "unit": unit, "runs": values, "budget": budget, "budget_source": source or None,
                    "median": statistics.median(values) if values else None})
    if not values:
        print(f"{name:46s} {'no figure':>10s}")
        return
    m = statistics.median(values)
    verdict = "-" if budget is None else (f"{100 * m / budget:.0f}%" if m <= budget
                                          else f"OVER BUDGET by {m - budget:.1f} {unit} (x{m / budget:.2f})")
    bud = "-" if budget is None else f"<= {budget:g} {unit} ({source})"
    print(f"{name:46s} {m:10.1f} {unit:8s} {min(values):8.1f} - {max(values):<8.1f} {bud:26s} {verdict}")


def ok(label):
    return [r for r in results[label] if "error" not in r]


print(f"load average {load_start} at the start, {load_end} at the end")
print(f"{'figure (median of ' + str(runs) + ')':46s} {'median':>10s} {'unit':8s} {'range':19s} {'budget':26s} used")
figure("start to READY=1, empty configuration", [r["ready_ms"] for r in ok("empty")], "ms", 250, "§11")
if controllers:
    figure(f"start to READY=1, {controllers} controllers", [r["ready_ms"] for r in ok("configured")], "ms", 1000, "§11")
figure("idle VmRSS, empty configuration", [r["rss_kib"] / 1024 for r in ok("empty")], "MiB", 32, "§11")
figure("idle PSS (smaps_rollup), empty configuration", [r["pss_kib"] / 1024 for r in ok("empty")], "MiB", 32, "§11")
figure("  of which anonymous (RssAnon)", [r["RssAnon"] / 1024 for r in ok("empty")], "MiB", None, "")
figure("  of which file-backed (RssFile: libjvm, CDS)", [r["RssFile"] / 1024 for r in ok("empty")], "MiB", None, "")
if controllers:
    figure(f"VmRSS, {controllers} controllers (retrying)", [r["rss_kib"] / 1024 for r in ok("configured")], "MiB", 32,
           "§11")
    figure(f"PSS, {controllers} controllers (retrying)", [r["pss_kib"] / 1024 for r in ok("configured")], "MiB", 32,
           "§11")
figure(f"wake-ups in {window:.0f} s idle, empty configuration", [r["wakeups"] for r in ok("empty")], "", None, "")
figure(f"CPU in {window:.0f} s idle, empty configuration", [r["idle_cpu_ms"] for r in ok("empty")], "ms", None, "")
if controllers:
    figure(f"wake-ups in {window:.0f} s, {controllers} controllers", [r["wakeups"] for r in ok("configured")], "", None, "")
    figure(f"CPU in {window:.0f} s, {controllers} controllers", [r["idle_cpu_ms"] for r in ok("configured")], "ms", None,
           "")
for label in ("empty", "configured"):
    good = ok(label)
    if good:
        names = {}
        for r in good:
            for name, (v, _) in r["per_thread"].items():
                names.setdefault(name, []).append(v)
        busy = sorted(((statistics.median(v + [0] * (len(good) - len(v))), n) for n, v in names.items()), reverse=True)
        shown = ", ".join(f"{n} {m:g}" for m, n in busy if m > 0)
        print(f"  wake-ups by thread, {label} (median): {shown or 'none'}")
        notes = sorted({l.split("=", 1)[0] for r in good for m in r["notify_idle"] for l in m.splitlines() if l})
        print(f"  sd_notify while idle, {label}: {', '.join(notes) or 'nothing'}")
if json_out:
    with open(json_out, "w") as f:
        json.dump({"load_average": {"start": load_start, "end": load_end}, "runs": runs, "figures": FIGURES}, f, indent=1)
failed = sum(1 for rs in results.values() for r in rs if "error" in r)
sys.exit(1 if failed else 0)
PY
