package io.passivetcp.capture.testutils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.GZIPOutputStream;

/** Builds capture files in memory: classic pcap, pcapng (block by block, hostile variants too) and gzip. */
public final class CaptureFiles {
    private CaptureFiles() {}

    public static Pcap pcap(int linkType) {
        return new Pcap(linkType);
    }

    public static Pcapng pcapng() {
        return new Pcapng();
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A classic pcap file: defaults are version 2.4, µs, little-endian, snaplen 65535. */
    public static final class Pcap {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final int linkType;
        private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        private boolean nanos;
        private int major = 2;
        private int minor = 4;
        private long snaplen = 65535;
        private boolean headerWritten;

        private Pcap(int linkType) {
            this.linkType = linkType;
        }

        public Pcap bigEndian() {
            order = ByteOrder.BIG_ENDIAN;
            return this;
        }

        public Pcap nanos() {
            nanos = true;
            return this;
        }

        public Pcap version(int major, int minor) {
            this.major = major;
            this.minor = minor;
            return this;
        }

        public Pcap snaplen(long snaplen) {
            this.snaplen = snaplen;
            return this;
        }

        /** A record whose original length equals its captured length. */
        public Pcap add(long sec, long frac, byte[] frame) {
            return add(sec, frac, frame, frame.length);
        }

        public Pcap add(long sec, long frac, byte[] frame, long originalLength) {
            return addRaw(sec, frac, frame.length, originalLength, frame);
        }

        /** A record header with arbitrary lengths, followed by {@code data} (which may not match them). */
        public Pcap addRaw(long sec, long frac, long caplen, long originalLength, byte[] data) {
            header();
            ByteBuffer h = ByteBuffer.allocate(16).order(order);
            h.putInt((int) sec).putInt((int) frac).putInt((int) caplen).putInt((int) originalLength);
            out.writeBytes(h.array());
            out.writeBytes(data);
            return this;
        }

        private void header() {
            if (headerWritten) {
                return;
            }
            headerWritten = true;
            ByteBuffer h = ByteBuffer.allocate(24).order(order);
            h.putInt(nanos ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short) major).putShort((short) minor);
            h.putInt(0).putInt(0).putInt((int) snaplen).putInt(linkType);
            out.writeBytes(h.array());
        }

        public byte[] bytes() {
            header();
            return out.toByteArray();
        }
    }

    /** A pcapng file, written block by block in the byte order of the latest section header. */
    public static final class Pcapng {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

        private Pcapng() {}

        /** Offset the next block will have. */
        public int position() {
            return out.size();
        }

        public Pcapng shb(boolean bigEndian) {
            return shb(bigEndian, 1, 0);
        }

        public Pcapng shb(boolean bigEndian, int major, int minor) {
            order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            ByteBuffer body = buffer(16);
            body.putInt(0x1A2B3C4D).putShort((short) major).putShort((short) minor).putLong(-1L);
            return block(0x0A0D0D0A, body.array());
        }

        public Pcapng idb(int linkType, int snaplen) {
            return idb(linkType, snaplen, -1, null);
        }

        /** IDB with optional if_tsresol ({@code tsresol >= 0}) and if_tsoffset (non-null). */
        public Pcapng idb(int linkType, int snaplen, int tsresol, Long tsoffset) {
            ByteBuffer body = buffer(8 + 8 + 12 + 4);
            body.putShort((short) linkType).putShort((short) 0).putInt(snaplen);
            if (tsresol >= 0) {
                body.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
            }
            if (tsoffset != null) {
                body.putShort((short) 14).putShort((short) 8).putLong(tsoffset);
            }
            body.putShort((short) 0).putShort((short) 0);
            return block(1, java.util.Arrays.copyOf(body.array(), body.position()));
        }

        public Pcapng epb(int iface, long ts, byte[] frame) {
            return epb(iface, ts, frame, frame.length);
        }

        public Pcapng epb(int iface, long ts, byte[] frame, int originalLength) {
            ByteBuffer body = buffer(20 + pad(frame.length));
            body.putInt(iface).putInt((int) (ts >>> 32)).putInt((int) ts).putInt(frame.length).putInt(originalLength);
            body.put(frame);
            return block(6, body.array());
        }

        /** Obsolete Packet Block (type 2). */
        public Pcapng pb(int iface, long ts, byte[] frame) {
            ByteBuffer body = buffer(20 + pad(frame.length));
            body.putShort((short) iface).putShort((short) 0).putInt((int) (ts >>> 32)).putInt((int) ts);
            body.putInt(frame.length).putInt(frame.length).put(frame);
            return block(2, body.array());
        }

        public Pcapng spb(byte[] frame, int originalLength) {
            ByteBuffer body = buffer(4 + pad(frame.length));
            body.putInt(originalLength).put(frame);
            return block(3, body.array());
        }

        /** Any block: type, total length, body (padded), total length. */
        public Pcapng block(int type, byte[] body) {
            int length = 12 + pad(body.length);
            return rawBlock(type, length, java.util.Arrays.copyOf(body, pad(body.length)), length);
        }

        /** A block with arbitrary (possibly wrong) header and trailer lengths. */
        public Pcapng rawBlock(int type, long headerLength, byte[] body, long trailerLength) {
            ByteBuffer h = buffer(8);
            h.putInt(type).putInt((int) headerLength);
            out.writeBytes(h.array());
            out.writeBytes(body);
            ByteBuffer t = buffer(4);
            t.putInt((int) trailerLength);
            out.writeBytes(t.array());
            return this;
        }

        public Pcapng raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        public byte[] bytes() {
            return out.toByteArray();
        }

        private ByteBuffer buffer(int n) {
            return ByteBuffer.allocate(n).order(order);
        }

        private static int pad(int n) {
            return (n + 3) & ~3;
        }
    }
}
