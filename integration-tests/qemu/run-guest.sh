#!/usr/bin/env bash
# Boots the real-kernel guest built by prepare.sh and runs SCRIPT inside it.
#
# Usage: run-guest.sh CACHE_DIR SCRIPT
#
# SCRIPT is a file on this machine; the guest reads it through the host root shared read-only at
# /host and runs it with busybox sh after its nvmet target is up (see guest/init), with
# GUEST_SCRIPT set to SCRIPT's host path and `in-host CMD` to run host programs. The console is
# streamed to stdout. The exit status is SCRIPT's, read from the `GUEST-EXIT=<n>` line the guest
# prints before powering off; a guest that prints no marker (panic, hang, qemu failure) fails with
# status 1 and a message on stderr.
#
# Environment: GUEST_TIMEOUT  seconds before the guest is killed (default 300)
#              GUEST_MEMORY   guest memory in MiB (default 1024)
#              GUEST_SMP      virtual CPUs (default 1; TCG runs each on a host thread)
set -euo pipefail

die() { echo "run-guest.sh: $*" >&2; exit 1; }

[ $# -eq 2 ] || { echo "usage: run-guest.sh CACHE_DIR SCRIPT" >&2; exit 2; }
cache=$1
script=$(realpath -e -- "$2") || die "no such script: $2"
# The path travels on the kernel command line, which splits at blanks.
case "$script" in *[[:space:]]*) die "the script path must not contain blanks: $script" ;; esac
command -v qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 not found (package qemu-system-x86)"
[ -r "$cache/current" ] || die "$cache/current missing: run prepare.sh $cache first"
work="$cache/$(cat "$cache/current")"
[ -r "$work/vmlinuz" ] && [ -r "$work/initrd.gz" ] || die "$work has no vmlinuz/initrd.gz: run prepare.sh $cache"

log=$(mktemp "${TMPDIR:-/tmp}/run-guest.XXXXXX.log")
trap 'rm -f -- "$log"' EXIT

# TCG, not KVM: KVM hangs on the machines this runs on and may be absent in CI.
# -no-reboot + panic=-1: a kernel panic ends qemu instead of rebooting forever.
# -nic none: the guest only needs loopback.
# The host root is shared read-only; passthrough keeps owners and modes as they are on the host.
set +e
timeout -k 10 "${GUEST_TIMEOUT:-300}" qemu-system-x86_64 \
    -accel tcg -cpu max -m "${GUEST_MEMORY:-1024}" -smp "${GUEST_SMP:-1}" \
    -nographic -no-reboot -nic none \
    -kernel "$work/vmlinuz" -initrd "$work/initrd.gz" \
    -append "console=ttyS0 quiet panic=-1 discoverd.guest_script=$script" \
    -virtfs local,path=/,mount_tag=hostroot,security_model=passthrough,readonly=on,multidevs=remap \
    </dev/null 2>&1 | tee "$log"
statuses=("${PIPESTATUS[@]}")
set -e
qemu_status=${statuses[0]}

marker=$(tr -d '\r' <"$log" | sed -n 's/^GUEST-EXIT=\([0-9][0-9]*\)$/\1/p' | tail -n 1)
if [ -z "$marker" ]; then
    if [ "$qemu_status" -eq 124 ] || [ "$qemu_status" -eq 137 ]; then
        die "the guest did not finish within ${GUEST_TIMEOUT:-300} s (no GUEST-EXIT marker)"
    fi
    die "the guest ended without a GUEST-EXIT marker (qemu status $qemu_status): see the console above"
fi
exit "$marker"
