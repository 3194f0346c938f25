# Smoke test of the real-kernel guest, run INSIDE it by busybox sh:
#     integration-tests/qemu/run-guest.sh CACHE_DIR integration-tests/qemu/smoke.sh
# Proves the kernel side with plain tools before any Java of ours is involved: the
# /dev/nvme-fabrics protocol (options written and `instance=N,cntlid=M` read back on one fd), the
# controllers' sysfs attributes (reference §4.3), the target's Discovery Log Page with its
# referral (§5, read by discovery-log.py through the host's python3), a real Discovery Log Page
# Changed AEN uevent (§4.2), the FC kickstart attribute (§6.1), delete_controller, and a JDK from
# the host root running here.
set -eu

here=$(dirname "$GUEST_SCRIPT")   # this script's directory, as a host path (valid inside in-host)
NVMET=/sys/kernel/config/nvmet
DISCOVERY_NQN=nqn.2014-08.org.nvmexpress.discovery
IO1_NQN=nqn.2014-08.org.nvmexpress:test-io1
IO2_NQN=nqn.2014-08.org.nvmexpress:test-io2

check() {   # check WHAT ACTUAL EXPECTED
    if [ "$2" = "$3" ]; then
        echo "smoke: ok   $1 = $2"
    else
        echo "smoke: FAIL $1 = '$2', expected '$3'"
        exit 1
    fi
}

# connect OPTIONS: one write of the options, then the reply on the same descriptor.
# Prints the new controller's instance number.
connect() {
    exec 3<>/dev/nvme-fabrics
    printf '%s' "$1" >&3
    read -r reply <&3
    exec 3<&-
    echo "smoke: wrote '$1', read '$reply'" >&2
    case "$reply" in
        instance=*,cntlid=*) ;;
        *) echo "smoke: FAIL unexpected reply '$reply'" >&2; exit 1 ;;
    esac
    reply=${reply#instance=}
    echo "${reply%%,*}"
}

attr() {   # attr INSTANCE NAME
    cat "/sys/class/nvme/nvme$1/$2"
}

show() {   # show INSTANCE: the attributes the daemon reads, and the state
    for name in transport address subsysnqn cntrltype state; do
        echo "smoke: nvme$1/$name = $(attr "$1" "$name")"
    done
}

wait_for() {   # wait_for PATTERN FILE: up to 10 s
    tries=0
    until grep -q "$1" "$2"; do
        tries=$((tries + 1))
        [ "$tries" -le 100 ] || { echo "smoke: FAIL no '$1' in $2 after 10 s"; cat "$2"; exit 1; }
        sleep 0.1
    done
}

# Kernel uevents (netlink group 1; no udevd runs here), logged one line each.
uevent sh -c 'echo "$ACTION $SUBSYSTEM ${DEVNAME:-} ${NVME_EVENT:+NVME_EVENT=$NVME_EVENT} ${NVME_AEN:+NVME_AEN=$NVME_AEN}"' \
    >/run/uevents.log 2>&1 &

# A discovery controller on port 1.
dc=$(connect "transport=tcp,traddr=127.0.0.1,trsvcid=4420,nqn=$DISCOVERY_NQN")
show "$dc"
check "nvme$dc/transport" "$(attr "$dc" transport)" tcp
check "nvme$dc/cntrltype" "$(attr "$dc" cntrltype)" discovery
check "nvme$dc/state" "$(attr "$dc" state)" live
check "nvme$dc/subsysnqn" "$(attr "$dc" subsysnqn)" "$DISCOVERY_NQN"
wait_for "add nvme nvme$dc" /run/uevents.log

# Its log page: both I/O subsystems and the referral to port 2.
in-host python3 "$here/discovery-log.py" "/dev/nvme$dc" | tee /run/dlp-before.txt
check "referral to 4421" "$(grep -c 'subtype=referral .*trsvcid=4421 ' /run/dlp-before.txt)" 1
check "test-io2 on 4420" "$(grep -c "subtype=nvme .*trsvcid=4420 subnqn=$IO2_NQN\$" /run/dlp-before.txt)" 1

# Unlinking test-io2 from port 1 makes the target send a Discovery Log Page Changed AEN; the host
# turns it into a change uevent with NVME_AEN=0x70f002. Then the entry is gone from the page.
rm "$NVMET/ports/1/subsystems/$IO2_NQN"
wait_for "change nvme nvme$dc.*NVME_AEN=0x70f002" /run/uevents.log
in-host python3 "$here/discovery-log.py" "/dev/nvme$dc" >/run/dlp-after.txt
check "test-io2 on 4420 after unlink" "$(grep -c "subsysnqn=$IO2_NQN\$" /run/dlp-after.txt || true)" 0
ln -s "$NVMET/subsystems/$IO2_NQN" "$NVMET/ports/1/subsystems/"

# The referral leads to a live discovery controller on port 2.
dc2=$(connect "transport=tcp,traddr=127.0.0.1,trsvcid=4421,nqn=$DISCOVERY_NQN")
check "nvme$dc2/state" "$(attr "$dc2" state)" live

# An I/O controller.
io=$(connect "transport=tcp,traddr=127.0.0.1,trsvcid=4420,nqn=$IO1_NQN")
show "$io"
check "nvme$io/cntrltype" "$(attr "$io" cntrltype)" io
check "nvme$io/subsysnqn" "$(attr "$io" subsysnqn)" "$IO1_NQN"

for n in "$dc" "$dc2" "$io"; do
    echo 1 >"/sys/class/nvme/nvme$n/delete_controller"
    check "nvme$n deleted" "$([ -e "/sys/class/nvme/nvme$n" ] && echo present || echo gone)" gone
done

# FC kickstart: the attribute exists (nvme-fc loaded) and accepts "add"; with no FC ports no
# nvmediscovery uevent follows.
printf add >/sys/class/fc/fc_udev_device/nvme_discovery
check "FC kickstart write" ok ok

echo "smoke: uevents seen:"
sed 's/^/smoke:   /' /run/uevents.log
in-host java -version
echo "smoke: all checks passed"
