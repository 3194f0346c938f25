# The NVMe-oF target every guest starts with (sourced by /init, busybox ash). Tests rely on this
# exact layout; docs/real-kernel-tests.md lists it and RealKernelIT's GuestTarget mirrors it.
#
#   port 1: tcp 127.0.0.1:4420, subsystems test-io1 and test-io2, one referral to port 2
#   port 2: tcp 127.0.0.1:4421, subsystem test-io2
#   test-io1, test-io2: any host allowed, namespace 1 = a 64 MiB sparse file on tmpfs
#
# Debian's kernel has no nvme-loop, hence tcp on loopback. tmpfs has no O_DIRECT, hence
# buffered_io=1 on the file-backed namespaces.

NVMET=/sys/kernel/config/nvmet
NVMET_NQN_PREFIX=nqn.2014-08.org.nvmexpress:test-io

# nvmet_write FILE VALUE: a configfs write that says which attribute refused which value.
nvmet_write() {
    echo "$2" >"$1" || { echo "nvmet-target: cannot write '$2' to ${1#$NVMET/}"; return 1; }
}

# nvmet_subsystem N: subsystem test-ioN with namespace 1 backed by /run/nvmet/ioN.img.
nvmet_subsystem() {
    subsys="$NVMET/subsystems/$NVMET_NQN_PREFIX$1"
    mkdir -p /run/nvmet && truncate -s 64M "/run/nvmet/io$1.img" || return 1
    mkdir "$subsys" || return 1
    nvmet_write "$subsys/attr_allow_any_host" 1 || return 1
    mkdir "$subsys/namespaces/1" || return 1
    nvmet_write "$subsys/namespaces/1/device_path" "/run/nvmet/io$1.img" || return 1
    if [ -e "$subsys/namespaces/1/buffered_io" ]; then
        nvmet_write "$subsys/namespaces/1/buffered_io" 1 || return 1
    fi
    nvmet_write "$subsys/namespaces/1/enable" 1
}

# nvmet_address DIR TRSVCID: the tcp/ipv4 127.0.0.1 address attributes of a port or referral.
nvmet_address() {
    nvmet_write "$1/addr_trtype" tcp && nvmet_write "$1/addr_adrfam" ipv4 \
        && nvmet_write "$1/addr_traddr" 127.0.0.1 && nvmet_write "$1/addr_trsvcid" "$2"
}

# nvmet_port ID TRSVCID SUBSYSTEM...: a listening tcp port with the given subsystems linked.
nvmet_port() {
    port="$NVMET/ports/$1"
    mkdir "$port" && nvmet_address "$port" "$2" || return 1
    shift 2
    for n in "$@"; do
        ln -s "$NVMET/subsystems/$NVMET_NQN_PREFIX$n" "$port/subsystems/" || return 1
    done
}

# nvmet_referral FROM_PORT NAME TO_PORT TRSVCID: FROM_PORT's discovery log page refers to TO_PORT.
nvmet_referral() {
    ref="$NVMET/ports/$1/referrals/$2"
    mkdir "$ref" && nvmet_address "$ref" "$4" || return 1
    if [ -e "$ref/addr_portid" ]; then
        nvmet_write "$ref/addr_portid" "$3" || return 1
    fi
    nvmet_write "$ref/enable" 1
}

nvmet_target_setup() {
    [ -d "$NVMET" ] || { echo "nvmet-target: $NVMET missing (nvmet not loaded?)"; return 1; }
    nvmet_subsystem 1 && nvmet_subsystem 2 \
        && nvmet_port 1 4420 1 2 && nvmet_port 2 4421 2 \
        && nvmet_referral 1 port2 2 4421
}
