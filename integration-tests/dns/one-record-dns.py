#!/usr/bin/python3
"""A DNS responder that knows one A record, for the daemon's resolution test in the systemd sandbox.

    one-record-dns.py NAME ADDRESS [LISTEN_ADDRESS]

Listens on UDP port 53 of LISTEN_ADDRESS (127.0.0.1) and answers NAME's A query with ADDRESS. Any
other type for NAME (AAAA: glibc asks both) gets an empty answer, any other name NXDOMAIN, so the
resolver never waits for a timeout. Prints each query on stdout (the unit's journal), which is how a
test sees that a lookup really went over an AF_INET socket. Only ever started inside the sandbox's
own network namespace, which has nothing but lo: it cannot answer anyone else.
"""
import socket
import struct
import sys

TYPE_A = 1
CLASS_IN = 1


def question(packet):
    """The queried name (lower case, no trailing dot), its type, and where the question ends."""
    labels, offset = [], 12
    while packet[offset]:
        length = packet[offset]
        labels.append(packet[offset + 1:offset + 1 + length].decode("ascii", "replace"))
        offset += 1 + length
    qtype, qclass = struct.unpack_from("!HH", packet, offset + 1)
    return ".".join(labels).lower(), qtype, qclass, offset + 5


def reply(packet, name, address):
    ident, flags = struct.unpack_from("!HH", packet)
    qname, qtype, qclass, end = question(packet)
    known = qname == name
    answer = known and qtype == TYPE_A and qclass == CLASS_IN
    # QR=1, opcode and RD copied, RA=1; RCODE 3 (NXDOMAIN) for names we do not know.
    out_flags = 0x8000 | (flags & 0x7900) | 0x0080 | (0 if known else 3)
    header = struct.pack("!HHHHHH", ident, out_flags, 1, 1 if answer else 0, 0, 0)
    body = packet[12:end]
    if answer:
        # A pointer to the question's name (offset 12), type A, class IN, TTL 5 s, 4 bytes of address.
        body += struct.pack("!HHHIH", 0xC00C, TYPE_A, CLASS_IN, 5, 4) + socket.inet_aton(address)
    return qname, qtype, header + body


def main():
    name, address = sys.argv[1].lower().rstrip("."), sys.argv[2]
    listen = sys.argv[3] if len(sys.argv) > 3 else "127.0.0.1"
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((listen, 53))
    print(f"answering {name} A {address} on {listen}:53", flush=True)
    while True:
        packet, peer = sock.recvfrom(512)
        try:
            qname, qtype, response = reply(packet, name, address)
        except (IndexError, struct.error, UnicodeError):
            print(f"malformed query from {peer[0]}", flush=True)
            continue
        sock.sendto(response, peer)
        print(f"query {qname} type {qtype} from {peer[0]}", flush=True)


if __name__ == "__main__":
    main()
