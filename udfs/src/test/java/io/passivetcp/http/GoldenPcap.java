package io.passivetcp.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A deliberately tiny classic-pcap reader for the HTTP golden test: Ethernet (or raw IP) frames carrying IPv4 or
 * IPv6 (no extension headers) and TCP. Everything else, and IPv4 fragments, is skipped. Independent of the project's
 * packet decoder on purpose.
 */
final class GoldenPcap {
    static final int FIN = 0x01, SYN = 0x02, RST = 0x04, ACK = 0x10;
    private static final int LINKTYPE_ETHERNET = 1, LINKTYPE_RAW = 101;

    /** One TCP segment. Addresses are 4 or 16 bytes. */
    record Segment(long seconds, byte[] src, int srcPort, byte[] dst, int dstPort, long seq, int flags,
            byte[] payload) {
        boolean has(int flag) {
            return (flags & flag) != 0;
        }
    }

    private GoldenPcap() {}

    static List<Segment> read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
            b.order(ByteOrder.BIG_ENDIAN);
        }
        int linkType = b.getInt(20);
        List<Segment> out = new ArrayList<>();
        int at = 24;
        while (at + 16 <= b.limit()) {
            long seconds = b.getInt(at) & 0xFFFF_FFFFL;
            int caplen = b.getInt(at + 8);
            byte[] frame = Arrays.copyOfRange(b.array(), at + 16, at + 16 + caplen);
            at += 16 + caplen;
            Segment s = decode(frame, linkType, seconds);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static Segment decode(byte[] f, int linkType, long seconds) {
        ByteBuffer b = ByteBuffer.wrap(f); // network order
        int ip;
        if (linkType == LINKTYPE_ETHERNET) {
            int etherType = b.getShort(12) & 0xFFFF;
            if (etherType != 0x0800 && etherType != 0x86DD) {
                return null;
            }
            ip = 14;
        } else if (linkType == LINKTYPE_RAW) {
            ip = 0;
        } else {
            throw new IllegalArgumentException("link type " + linkType);
        }
        int version = (f[ip] & 0xFF) >> 4;
        if (version == 4) {
            int ihl = (f[ip] & 0x0F) * 4;
            int total = b.getShort(ip + 2) & 0xFFFF;
            boolean fragment = (b.getShort(ip + 6) & 0x3FFF) != 0;
            if (f[ip + 9] != 6 || fragment) {
                return null;
            }
            return tcp(b, seconds, Arrays.copyOfRange(f, ip + 12, ip + 16), Arrays.copyOfRange(f, ip + 16, ip + 20),
                    ip + ihl, ip + total);
        }
        if (version == 6 && f[ip + 6] == 6) {
            int end = ip + 40 + (b.getShort(ip + 4) & 0xFFFF);
            return tcp(b, seconds, Arrays.copyOfRange(f, ip + 8, ip + 24), Arrays.copyOfRange(f, ip + 24, ip + 40),
                    ip + 40, end);
        }
        return null;
    }

    private static Segment tcp(ByteBuffer b, long seconds, byte[] src, byte[] dst, int at, int end) {
        int dataOffset = ((b.get(at + 12) & 0xFF) >> 4) * 4;
        byte[] payload = Arrays.copyOfRange(b.array(), at + dataOffset, Math.max(at + dataOffset, end));
        return new Segment(seconds, src, b.getShort(at) & 0xFFFF, dst, b.getShort(at + 2) & 0xFFFF,
                b.getInt(at + 4) & 0xFFFF_FFFFL, b.get(at + 13) & 0x3F, payload);
    }
}
