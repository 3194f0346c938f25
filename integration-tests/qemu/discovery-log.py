#!/usr/bin/env python3
# discovery-log.py /dev/nvmeN: prints the Discovery Log Page of a connected discovery controller,
# one line per entry, read with NVME_IOCTL_ADMIN_CMD (Get Log Page, LID 0x70) the way libnvme
# does (reference §5.2-§5.4). An oracle independent of our Java code, used by smoke.sh inside the
# real-kernel guest (run there through in-host, from the host's python3).
import ctypes
import fcntl
import os
import struct
import sys

NVME_IOCTL_ADMIN_CMD = 0xC0484E41       # _IOWR('N', 0x41, struct nvme_passthru_cmd), 72 bytes
PASSTHRU = struct.Struct("<BBHIIIQQII6III")  # opcode flags rsvd1 nsid cdw2 cdw3 metadata addr
                                             # metadata_len data_len cdw10..cdw15 timeout_ms result
assert PASSTHRU.size == 72
HEADER_LEN = 20
ENTRY_LEN = 1024
CHUNK = 4096
SUBTYPES = {1: "referral", 2: "nvme", 3: "current-discovery"}


def get_log(fd, offset, length, rae):
    buf = ctypes.create_string_buffer(length)
    numd = length // 4 - 1
    cdw10 = 0x70 | (int(rae) << 15) | ((numd & 0xFFFF) << 16)
    cmd = bytearray(PASSTHRU.pack(0x02, 0, 0, 0, 0, 0, 0, ctypes.addressof(buf), 0, length,
                                  cdw10, numd >> 16, offset & 0xFFFFFFFF, offset >> 32, 0, 0, 0, 0))
    status = fcntl.ioctl(fd, NVME_IOCTL_ADMIN_CMD, cmd)
    if status != 0:
        sys.exit(f"discovery-log: Get Log Page at offset {offset} failed with NVMe status {status:#x}")
    return buf.raw


def text(field):
    return field.split(b"\0", 1)[0].decode("ascii", "replace").rstrip()


def main(device):
    fd = os.open(device, os.O_RDONLY)
    genctr, numrec = struct.unpack_from("<QQ", get_log(fd, 0, HEADER_LEN, False))
    entries = b""
    total = numrec * ENTRY_LEN
    for start in range(0, total, CHUNK):
        length = min(CHUNK, total - start)
        entries += get_log(fd, ENTRY_LEN + start, length, start + length < total)
    print(f"dlp: genctr={genctr} numrec={numrec}")
    for i in range(numrec):
        e = entries[i * ENTRY_LEN:(i + 1) * ENTRY_LEN]
        trtype, adrfam, subtype, treq, portid, cntlid = struct.unpack_from("<BBBBHH", e)
        eflags = struct.unpack_from("<H", e, 10)[0]
        print(f"dlp: entry {i} subtype={SUBTYPES.get(subtype, subtype)} trtype={trtype} adrfam={adrfam}"
              f" portid={portid} eflags={eflags:#x} traddr={text(e[512:768])} trsvcid={text(e[32:64])}"
              f" subnqn={text(e[256:512])}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: discovery-log.py /dev/nvmeN")
    main(sys.argv[1])
