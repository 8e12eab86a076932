#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""inject_error.py SRC_IP SRC_PORT DST_IP DST_PORT VTAG [CAUSE]

Send one SCTP packet carrying an ERROR chunk, as if from the peer of an
association: SRC is the peer, DST the local end whose verification tag is
VTAG (sctpnl reports it as SCTPNL_A_LOCAL_VTAG).  CAUSE defaults to 1
(Invalid Stream Identifier).  The local stack then builds the
SCTP_REMOTE_ERROR notification the events test waits for.  Raw sockets
are only used inside the guest's own namespaces.
"""
import socket
import struct
import sys


def crc32c(data):
    """CRC32c (Castagnoli), reflected, as SCTP's checksum."""
    crc = 0xffffffff
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82f63b78 if crc & 1 else 0)
    return crc ^ 0xffffffff


def main():
    src, sport, dst, dport, vtag = sys.argv[1:6]
    cause = int(sys.argv[6], 0) if len(sys.argv) > 6 else 1
    # Invalid Stream Identifier: stream id + reserved.
    body = struct.pack("!HH", 7, 0)
    cause_tlv = struct.pack("!HH", cause, 4 + len(body)) + body
    chunk = struct.pack("!BBH", 9, 0, 4 + len(cause_tlv)) + cause_tlv
    hdr = struct.pack("!HHII", int(sport), int(dport), int(vtag, 0), 0)
    pkt = hdr + chunk
    csum = crc32c(pkt)
    pkt = hdr[:8] + struct.pack("<I", csum) + chunk
    fam = socket.AF_INET6 if ":" in dst else socket.AF_INET
    s = socket.socket(fam, socket.SOCK_RAW, socket.IPPROTO_SCTP)
    s.bind((src, 0))
    s.sendto(pkt, (dst, 0))


if __name__ == "__main__":
    main()
