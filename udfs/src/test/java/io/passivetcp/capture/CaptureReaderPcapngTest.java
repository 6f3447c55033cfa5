package io.passivetcp.capture;

import static io.passivetcp.capture.CaptureReaderPcapTest.FRAME_A;
import static io.passivetcp.capture.CaptureReaderPcapTest.FRAME_B;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passivetcp.capture.testutils.CaptureFiles;
import io.passivetcp.capture.testutils.CaptureFiles.Pcapng;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CaptureReaderPcapngTest {
    private static final long T0 = 1_700_000_000L;

    static CaptureReader open(byte[] file) throws IOException {
        return CaptureReader.open(new ByteArrayInputStream(file), "test.pcapng");
    }

    /** Reads every record, copying the fields (and the frame) of each. */
    static List<CaptureRecord> readAll(byte[] file) throws IOException {
        List<CaptureRecord> out = new ArrayList<>();
        try (CaptureReader r = open(file)) {
            CaptureRecord rec = new CaptureRecord();
            while (r.next(rec)) {
                out.add(copy(rec));
            }
        }
        return out;
    }

    static CaptureRecord copy(CaptureRecord rec) {
        CaptureRecord c = new CaptureRecord();
        c.data = Arrays.copyOf(rec.data, rec.length);
        c.length = rec.length;
        c.originalLength = rec.originalLength;
        c.tsMicros = rec.tsMicros;
        c.linkType = rec.linkType;
        c.fileOffset = rec.fileOffset;
        c.ordinal = rec.ordinal;
        return c;
    }

    static CaptureFormatException failure(byte[] file) {
        return assertThrows(CaptureFormatException.class, () -> readAll(file));
    }

    @Test
    void multipleInterfacesWithTheirOwnLinkTypeAndResolution() throws IOException {
        Pcapng f = CaptureFiles.pcapng().shb(false)
                .idb(LinkType.EN10MB, 65535, 6, null)
                .idb(LinkType.RAW, 65535, 9, null);
        int first = f.position();
        f.epb(0, T0 * 1_000_000 + 123_456, FRAME_A)
                .epb(1, T0 * 1_000_000_000 + 123_456_789, FRAME_B, 2000);
        List<CaptureRecord> recs = readAll(f.bytes());
        assertEquals(2, recs.size());
        assertEquals(LinkType.EN10MB, recs.get(0).linkType);
        assertEquals(T0 * 1_000_000 + 123_456, recs.get(0).tsMicros);
        assertEquals(first, recs.get(0).fileOffset);
        assertArrayEquals(FRAME_A, recs.get(0).data);
        assertEquals(LinkType.RAW, recs.get(1).linkType);
        assertEquals(T0 * 1_000_000 + 123_456, recs.get(1).tsMicros);
        assertEquals(2000, recs.get(1).originalLength);
        assertArrayEquals(FRAME_B, recs.get(1).data);
        assertEquals(1, recs.get(1).ordinal);
    }

    @Test
    void defaultResolutionIsMicroseconds() throws IOException {
        byte[] file = CaptureFiles.pcapng().shb(true).idb(1, 0).epb(0, 42_000_017L, FRAME_A).bytes();
        try (CaptureReader r = open(file)) {
            assertEquals("pcapng big-endian", r.formatDescription());
            CaptureRecord rec = new CaptureRecord();
            assertTrue(r.next(rec));
            assertEquals(42_000_017L, rec.tsMicros);
            assertArrayEquals(FRAME_A, Arrays.copyOf(rec.data, rec.length));
        }
    }

    @Test
    void binaryResolutionCoarseResolutionAndOffset() throws IOException {
        byte[] file = CaptureFiles.pcapng().shb(false)
                .idb(1, 0, 0x80 | 10, null) // 1/1024 s
                .idb(1, 0, 3, 1000L) // ms, +1000 s
                .idb(1, 0, 0, -5L) // whole seconds, -5 s
                .epb(0, 5 * 1024 + 512, FRAME_A)
                .epb(1, 7_250, FRAME_A)
                .epb(2, 100, FRAME_A)
                .bytes();
        List<CaptureRecord> recs = readAll(file);
        assertEquals(5_500_000L, recs.get(0).tsMicros);
        assertEquals(1_007_250_000L, recs.get(1).tsMicros);
        assertEquals(95_000_000L, recs.get(2).tsMicros);
    }

    @Test
    void unknownBlocksAreSkipped() throws IOException {
        Pcapng f = CaptureFiles.pcapng().shb(false)
                .block(4, new byte[] {0, 0, 0, 0}) // name resolution
                .idb(1, 0)
                .block(0x0BAD, new byte[] {1, 2, 3, 4, 5, 6, 7}) // custom
                .block(5, new byte[20]); // interface statistics
        int offset = f.position();
        f.epb(0, 1, FRAME_A).block(10, new byte[0]);
        List<CaptureRecord> recs = readAll(f.bytes());
        assertEquals(1, recs.size());
        assertEquals(offset, recs.get(0).fileOffset);
    }

    @Test
    void simplePacketBlockUsesInterfaceZeroAndSnaplen() throws IOException {
        byte[] file = CaptureFiles.pcapng().shb(false).idb(LinkType.RAW, 40)
                .spb(FRAME_A, 60) // cut to the snaplen 40
                .spb(Arrays.copyOf(FRAME_A, 30), 1500) // block room 32 (padded), original says 1500
                .bytes();
        List<CaptureRecord> recs = readAll(file);
        assertEquals(2, recs.size());
        assertEquals(40, recs.get(0).length);
        assertEquals(60, recs.get(0).originalLength);
        assertArrayEquals(Arrays.copyOf(FRAME_A, 40), recs.get(0).data);
        assertEquals(0, recs.get(0).tsMicros);
        assertEquals(LinkType.RAW, recs.get(0).linkType);
        assertEquals(32, recs.get(1).length, "captured = min(original, snaplen, block room)");
        assertEquals(1500, recs.get(1).originalLength);
    }

    @Test
    void obsoletePacketBlock() throws IOException {
        byte[] file = CaptureFiles.pcapng().shb(false).idb(1, 0).idb(113, 0).pb(1, 3_000_001, FRAME_B).bytes();
        List<CaptureRecord> recs = readAll(file);
        assertEquals(1, recs.size());
        assertEquals(113, recs.get(0).linkType);
        assertEquals(3_000_001, recs.get(0).tsMicros);
        assertArrayEquals(FRAME_B, recs.get(0).data);
    }

    @Test
    void newSectionResetsInterfacesAndMayChangeByteOrder() throws IOException {
        Pcapng f = CaptureFiles.pcapng().shb(false).idb(1, 0).idb(101, 0).epb(1, 1, FRAME_A)
                .shb(true).idb(113, 0, 9, null).epb(0, 2_000, FRAME_B);
        List<CaptureRecord> recs = readAll(f.bytes());
        assertEquals(2, recs.size());
        assertEquals(101, recs.get(0).linkType);
        assertEquals(113, recs.get(1).linkType);
        assertEquals(2, recs.get(1).tsMicros);

        Pcapng g = CaptureFiles.pcapng().shb(false).idb(1, 0).idb(101, 0).shb(false).idb(1, 0);
        int bad = g.position();
        g.epb(1, 1, FRAME_A);
        CaptureFormatException e = failure(g.bytes());
        assertEquals(bad, e.offset());
        assertTrue(e.getMessage().contains("interface 1"), e.getMessage());
    }

    @Test
    void packetBeforeAnyInterfaceIsAnError() {
        CaptureFormatException e = failure(CaptureFiles.pcapng().shb(false).epb(0, 1, FRAME_A).bytes());
        assertEquals(28, e.offset());
    }

    @Test
    void versionsOtherThan10And12AreRefused() throws IOException {
        assertEquals(1, readAll(CaptureFiles.pcapng().shb(false, 1, 2).idb(1, 0).epb(0, 1, FRAME_A).bytes()).size());
        for (int[] v : new int[][] {{1, 1}, {2, 0}}) {
            CaptureFormatException e = assertThrows(CaptureFormatException.class,
                    () -> open(CaptureFiles.pcapng().shb(false, v[0], v[1]).bytes()));
            assertEquals(0, e.offset());
            assertTrue(e.getMessage().contains("version"), e.getMessage());
        }
    }

    @Test
    void badBlockLengthsNameTheBlockOffset() {
        Pcapng base = CaptureFiles.pcapng().shb(false).idb(1, 0);
        int at = base.position();
        byte[] prefix = base.bytes();
        // not a multiple of 4, too small, too large, trailer mismatch
        long[][] cases = {{30, 30}, {8, 8}, {1L << 30, 1L << 30}, {32, 36}};
        for (long[] c : cases) {
            byte[] file = CaptureFiles.pcapng().raw(prefix).rawBlock(6, c[0], new byte[20], c[1]).bytes();
            CaptureFormatException e = failure(file);
            assertEquals(at, e.offset(), e.getMessage());
            assertTrue(e.getMessage().startsWith("test.pcapng: at byte " + at + ": "), e.getMessage());
        }
    }

    @Test
    void hugeBlockLengthDoesNotAllocate() throws IOException {
        byte[] file = CaptureFiles.pcapng().shb(false).idb(1, 0).epb(0, 1, FRAME_A)
                .rawBlock(6, 0x7FFF_FFFCL, new byte[20], 0x7FFF_FFFCL).bytes();
        try (CaptureReader r = open(file)) {
            CaptureRecord rec = new CaptureRecord();
            assertTrue(r.next(rec));
            byte[] buffer = rec.data;
            assertThrows(CaptureFormatException.class, () -> r.next(rec));
            assertSame(buffer, rec.data);
        }
    }

    @Test
    void capturedLengthBeyondItsBlockIsAnError() {
        Pcapng f = CaptureFiles.pcapng().shb(false).idb(1, 0);
        int at = f.position();
        byte[] body = new byte[24];
        body[12] = 100; // captured length 100 in a 24-byte body
        CaptureFormatException e = failure(f.block(6, body).bytes());
        assertEquals(at, e.offset());
    }

    @Test
    void truncatedBlockNamesItsOffset() {
        Pcapng f = CaptureFiles.pcapng().shb(false).idb(1, 0).epb(0, 1, FRAME_A);
        int at = f.position();
        byte[] full = f.epb(0, 2, FRAME_B).bytes();
        for (int cut = at + 1; cut < full.length; cut += 97) {
            CaptureFormatException e = failure(Arrays.copyOf(full, cut));
            assertEquals(at, e.offset());
        }
    }

    @Test
    void badByteOrderMagicIsAHeaderError() {
        byte[] file = CaptureFiles.pcapng().shb(false).bytes();
        file[8] = 0;
        assertThrows(CaptureFormatException.class, () -> open(file));
    }

    @Test
    void overrunningInterfaceOptionIsAnError() {
        byte[] body = {1, 0, 0, 0, 0, 0, 0, 0, 9, 0, 40, 0, 6, 0, 0, 0};
        assertThrows(CaptureFormatException.class,
                () -> readAll(CaptureFiles.pcapng().shb(false).block(1, body).bytes()));
    }

    @Test
    void gzipOfPcapng() throws IOException {
        byte[] file = CaptureFiles.pcapng().shb(false).idb(1, 0).epb(0, 7, FRAME_A).bytes();
        try (CaptureReader r = open(CaptureFiles.gzip(file))) {
            assertEquals("gzip+pcapng little-endian", r.formatDescription());
            CaptureRecord rec = new CaptureRecord();
            assertTrue(r.next(rec));
            assertEquals(7, rec.tsMicros);
            assertFalse(r.next(rec));
            assertEquals(file.length, r.bytesRead());
        }
    }
}
