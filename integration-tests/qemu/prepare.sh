#!/usr/bin/env bash
# Builds what the real-kernel guest boots: Debian's 6.1 kernel and an initramfs holding busybox,
# the NVMe-oF host and target modules, the 9p modules that share the host's root, and our /init.
#
# Usage: prepare.sh CACHE_DIR
#
# Everything goes under CACHE_DIR/<kernel version>/ (never into git). Each step leaves a marker,
# so a second run only checks them and prints the paths (warm cache). On success the last two
# lines of stdout are `kernel=PATH` and `initrd=PATH`, and CACHE_DIR/current names the version.
#
# Exit status: 0 ready; 3 the packages cannot be fetched here (no Debian 12 archive: callers skip);
# 1 anything else.
set -euo pipefail

readonly EXIT_UNAVAILABLE=3
here=$(cd -- "$(dirname -- "$0")" && pwd)

die() { echo "prepare.sh: $*" >&2; exit 1; }
unavailable() { echo "prepare.sh: $*" >&2; exit "$EXIT_UNAVAILABLE"; }

[ $# -eq 1 ] || { echo "usage: prepare.sh CACHE_DIR" >&2; exit 2; }
for tool in apt-get apt-cache dpkg-deb depmod modprobe cpio gzip flock sha256sum; do
    command -v "$tool" >/dev/null || unavailable "missing tool '$tool' (packages apt, dpkg, kmod, cpio, util-linux)"
done
mkdir -p -- "$1"
cache=$(cd -- "$1" && pwd)

# Two builds sharing a cache (two checkouts, a developer and CI) must not interleave their steps.
exec 9>"$cache/.lock"
flock 9

# The newest Debian 6.1 generic kernel in the apt lists. The lists may be absent on a fresh
# machine: refresh them once, and only then.
newest_kernel_package() {
    apt-cache pkgnames linux-image-6.1. 2>/dev/null \
        | grep -E '^linux-image-6\.1\.[0-9]+-[0-9]+-amd64$' | sort -V | tail -n 1 || true
}
package=$(newest_kernel_package)
if [ -z "$package" ]; then
    echo "prepare.sh: no linux-image-6.1.*-amd64 in the apt lists; running apt-get update" >&2
    apt-get update -q >&2 || unavailable "apt-get update failed"
    package=$(newest_kernel_package)
fi
[ -n "$package" ] || unavailable "no package linux-image-6.1.*-amd64 in this machine's apt sources (Debian 12 needed)"
version=${package#linux-image-}
work="$cache/$version"
root="$work/root"
mkdir -p -- "$work"

# Step 1: download and unpack. The image package carries vmlinuz and every module (uncompressed
# .ko in Debian 12), so no separate modules package is needed.
if [ ! -e "$work/.unpacked" ]; then
    debs="$work/debs"
    rm -rf -- "$debs" "$root"
    mkdir -p -- "$debs" "$root"
    # apt-get download runs as the _apt user when it can write the directory; let it.
    chmod 0777 "$debs"
    fetch() { (cd -- "$debs" && apt-get download -q "$package" busybox-static >&2); }
    if ! fetch; then
        echo "prepare.sh: apt-get download failed; refreshing the apt lists and retrying" >&2
        apt-get update -q >&2 || unavailable "apt-get update failed"
        fetch || unavailable "cannot download $package and busybox-static"
    fi
    for deb in "$debs"/*.deb; do
        dpkg-deb -x "$deb" "$root"
    done
    rm -rf -- "$debs"
    [ -f "$root/boot/vmlinuz-$version" ] || die "$package has no /boot/vmlinuz-$version"
    [ -x "$root/bin/busybox" ] || die "busybox-static has no /bin/busybox"
    touch "$work/.unpacked"
fi

# Step 2: index the modules so that modprobe can resolve dependencies inside the tree.
if [ ! -e "$work/.depmod" ]; then
    depmod -b "$root" "$version"
    touch "$work/.depmod"
fi

# The modules the guest loads, dependencies first: configfs and the nvmet target with its tcp
# transport; the host side (nvme-core, nvme-fabrics, nvme-tcp); nvme-fc only for its FC kickstart
# attribute /sys/class/fc/fc_udev_device/nvme_discovery (Debian's kernel has no fcloop, so there
# are no FC ports); virtio-pci + 9p for the host root.
wanted=(configfs nvmet nvmet-tcp nvme-core nvme-fabrics nvme-tcp nvme-fc virtio_pci 9pnet_virtio 9p)
module_list() {
    local m
    for m in "${wanted[@]}"; do
        modprobe -d "$root" -S "$version" --show-depends "$m" \
            || die "modprobe cannot resolve module $m in $root"
    done | awk '$1 == "insmod" && !seen[$2]++ { print $2 }'
}
modules=$(module_list)

# Step 3: the initramfs. Rebuilt whenever its inputs change (the guest scripts, the module list).
inputs=$( { printf '%s\n' "$version" "$modules"; cat "$here"/guest/*; } | sha256sum | cut -d' ' -f1)
initrd="$work/initrd.gz"
if [ ! -e "$initrd" ] || [ "$(cat "$work/initrd.inputs" 2>/dev/null)" != "$inputs" ]; then
    staging=$(mktemp -d "$work/initrd.XXXXXX")
    trap 'rm -rf -- "$staging"' EXIT
    mkdir -p "$staging"/{bin,dev,proc,sys,run,tmp,host,etc,lib/modules}
    cp "$root/bin/busybox" "$staging/bin/busybox"
    # Modules keep their path below /lib/modules; /etc/modules.list gives the load order.
    : >"$staging/etc/modules.list"
    while IFS= read -r ko; do
        rel=${ko#"$root/lib/modules/"}
        mkdir -p "$staging/lib/modules/$(dirname -- "$rel")"
        cp "$ko" "$staging/lib/modules/$rel"
        echo "$rel" >>"$staging/etc/modules.list"
    done <<<"$modules"
    install -m 0755 "$here/guest/init" "$staging/init"
    install -m 0755 "$here/guest/in-host" "$staging/bin/in-host"
    install -m 0644 "$here/guest/nvmet-target.sh" "$staging/etc/nvmet-target.sh"
    # No device nodes inside: /init reopens its console once devtmpfs is mounted, so building
    # the archive needs no root.
    (cd "$staging" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc --quiet) | gzip -1 >"$initrd.tmp"
    mv -f "$initrd.tmp" "$initrd"
    echo "$inputs" >"$work/initrd.inputs"
    rm -rf -- "$staging"
    trap - EXIT
fi

[ -e "$work/vmlinuz" ] || cp -p "$root/boot/vmlinuz-$version" "$work/vmlinuz"
echo "$version" >"$cache/current"
echo "kernel=$work/vmlinuz"
echo "initrd=$initrd"
