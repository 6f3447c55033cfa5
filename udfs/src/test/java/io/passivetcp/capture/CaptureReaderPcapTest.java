package io.passivetcp.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passivetcp.capture.testutils.CaptureFiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CaptureReaderPcapTest {
    static final byte[] FRAME_A = frame(60, 1);
    static final byte[] FRAME_B = frame(1514, 2);

    static byte[] frame(int n, int seed) {
        byte[] f = new byte[n];
        for (int i = 0; i < n; i++) {
            f[i] = (byte) (i * 31 + seed);
        }
        return f;
    }

    static CaptureReader open(byte[] file) throws IOException {
        return CaptureReader.open(new ByteArrayInputStream(file), "test.pcap");
    }

    @Test
    void readsMicrosecondLittleEndian() throws IOException {
        byte[] file = CaptureFiles.pcap(LinkType.EN10MB)
                .add(1_700_000_000L, 123_456, FRAME_A)
                .add(1_700_000_001L, 999_999, FRAME_B, 1600)
                .bytes();
        try (CaptureReader r = open(file)) {
            assertEquals("pcap/usec little-endian linktype 1", r.formatDescription());
            CaptureRecord rec = new CaptureRecord();
            assertTrue(r.next(rec));
            assertEquals(FRAME_A.length, rec.length);
            assertArrayEquals(FRAME_A, Arrays.copyOf(rec.data, rec.length));
            assertEquals(60, rec.originalLength);
            assertEquals(1_700_000_000_123_456L, rec.tsMicros);
            assertEquals(LinkType.EN10MB, rec.linkType);
            assertEquals(24, rec.fileOffset);
            assertEquals(0, rec.ordinal);
            assertTrue(r.next(rec));
            assertArrayEquals(FRAME_B, Arrays.copyOf(rec.data, rec.length));
            assertEquals(1600, rec.originalLength);
            assertEquals(1_700_000_001_999_999L, rec.tsMicros);
            assertEquals(24 + 16 + 60, rec.fileOffset);
            assertEquals(1, rec.ordinal);
            assertFalse(r.next(rec));
            assertFalse(r.next(rec), "EOF is sticky");
            assertEquals(file.length, r.bytesRead());
        }
    }

    @Test
    void readsNanosecondBigEndianAndTruncatesToMicroseconds() throws IOException {
        byte[] file = CaptureFiles.pcap(LinkType.LINUX_SLL).bigEndian().nanos()
                .add(1_700_000_000L, 123_456_789, FRAME_A)
                .bytes();
        try (CaptureReader r = open(file)) {
            assertEquals("pcap/nsec big-endian linktype 113", r.formatDescription());
            CaptureRecord rec = new CaptureRecord();
            assertTrue(r.next(rec));
            assertEquals(1_700_000_000_123_456L, rec.tsMicros);
            assertEquals(LinkType.LINUX_SLL, rec.linkType);
            assertArrayEquals(FRAME_A, Arrays.copyOf(rec.data, rec.length));
        }
    }

    @Test
    void readsNanosecondLittleEndianAndMicrosecondBigEndian() throws IOException {
        for (CaptureFiles.Pcap p : new CaptureFiles.Pcap[] {
            CaptureFiles.pcap(1).nanos(), CaptureFiles.pcap(1).bigEndian()}) {
            try (CaptureReader r = open(p.add(10, 5000, FRAME_A).bytes())) {
                CaptureRecord rec = new CaptureRecord();
                assertTrue(r.next(rec));
                assertEquals(r.formatDescription().contains("nsec") ? 10_000_005L : 10_005_000L, rec.tsMicros);
                assertFalse(r.next(rec));
            }
        }
    }

    @Test
    void masksUpperLinkTypeBits() throws IOException {
        try (CaptureReader r = open(CaptureFiles.pcap(0x0400_0000 | LinkType.NULL).add(0, 0, FRAME_A).bytes())) {
            CaptureRecord rec = new CaptureRecord();
            assertTrue(r.next(rec));
            assertEquals(LinkType.NULL, rec.linkType);
        }
    }

    @Test
    void keepsOnlySnaplenBytesOfAnOverlongRecord() throws IOException {
        byte[] file = CaptureFiles.pcap(1).snaplen(100).add(0, 0, FRAME_B).add(0, 1, FRAME_A).bytes();
        try (CaptureReader r = open(file)) {
            CaptureRecord rec = new CaptureRecord();
            assertTrue(r.next(rec));
            assertEquals(100, rec.length);
            assertArrayEquals(Arrays.copyOf(FRAME_B, 100), Arrays.copyOf(rec.data, 100));
            assertTrue(r.next(rec));
            assertArrayEquals(FRAME_A, Arrays.copyOf(rec.data, rec.length));
        }
    }

    @Test
    void swapsLengthsOfPre23Files() throws IOException {
        // version 2.2 wrote orig_len before incl_len
        byte[] file = CaptureFiles.pcap(1).version(2, 2).addRaw(0, 0, 1514, FRAME_A.length, FRAME_A).bytes();
        try (CaptureReader r = open(file)) {
            CaptureRecord rec = new CaptureRecord();
            assertTrue(r.next(rec));
            assertEquals(60, rec.length);
            assertEquals(1514, rec.originalLength);
        }
    }

    @Test
    void refusesArchaicAndUnknownVersions() {
        for (int[] v : new int[][] {{1, 4}, {2, 5}, {3, 0}}) {
            byte[] file = CaptureFiles.pcap(1).version(v[0], v[1]).add(0, 0, FRAME_A).bytes();
            CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> open(file));
            assertEquals(0, e.offset());
            assertTrue(e.getMessage().startsWith("test.pcap: at byte 0: "), e.getMessage());
        }
    }

    @Test
    void truncatedRecordNamesItsOffset() {
        byte[] full = CaptureFiles.pcap(1).add(0, 0, FRAME_A).add(0, 0, FRAME_B).bytes();
        long second = 24 + 16 + FRAME_A.length;
        for (int cut : new int[] {(int) second + 1, (int) second + 15, (int) second + 16, full.length - 1}) {
            byte[] file = Arrays.copyOf(full, cut);
            CaptureRecord rec = new CaptureRecord();
            CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> {
                try (CaptureReader r = open(file)) {
                    assertTrue(r.next(rec));
                    r.next(rec);
                }
            });
            assertEquals(second, e.offset());
            assertEquals("test.pcap", e.file());
            assertTrue(e.getMessage().contains("truncated record"), e.getMessage());
            assertTrue(e.getMessage().startsWith("test.pcap: at byte " + second + ": "), e.getMessage());
        }
    }

    @Test
    void bogusCaptureLengthIsRejectedWithoutAllocating() throws IOException {
        byte[] file = CaptureFiles.pcap(1).add(0, 0, FRAME_A).addRaw(0, 0, 0x7FFF_FFF0L, 100, FRAME_A).bytes();
        CaptureRecord rec = new CaptureRecord();
        try (CaptureReader r = open(file)) {
            assertTrue(r.next(rec));
            byte[] buffer = rec.data;
            CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> r.next(rec));
            assertEquals(24 + 16 + 60, e.offset());
            assertSame(buffer, rec.data, "no buffer grown for a bogus length");
        }
        byte[] justOver = CaptureFiles.pcap(1).addRaw(0, 0, 262_145, 100, FRAME_A).bytes();
        assertThrows(CaptureFormatException.class, () -> {
            try (CaptureReader r = open(justOver)) {
                r.next(rec);
            }
        });
    }

    @Test
    void reusesTheRecordBuffer() throws IOException {
        CaptureFiles.Pcap p = CaptureFiles.pcap(1).add(0, 0, FRAME_B);
        for (int i = 0; i < 50; i++) {
            p.add(i, 0, i % 2 == 0 ? FRAME_A : FRAME_B);
        }
        try (CaptureReader r = open(p.bytes())) {
            CaptureRecord rec = new CaptureRecord();
            assertTrue(r.next(rec));
            byte[] buffer = rec.data;
            int n = 0;
            while (r.next(rec)) {
                assertSame(buffer, rec.data);
                n++;
            }
            assertEquals(50, n);
            assertEquals(50, rec.ordinal);
        }
    }

    @Test
    void headerOnlyFileHasNoRecords() throws IOException {
        try (CaptureReader r = open(CaptureFiles.pcap(1).bytes())) {
            assertFalse(r.next(new CaptureRecord()));
        }
    }

    @Test
    void truncatedFileHeaderIsAFormatError() {
        byte[] full = CaptureFiles.pcap(1).bytes();
        for (int n = 1; n < 24; n++) {
            byte[] file = Arrays.copyOf(full, n);
            CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> open(file), "length " + n);
            assertEquals(0, e.offset());
        }
    }

    @Test
    void nonCaptureFilesAreRecognisedByMagic() {
        NotACaptureException text = assertThrows(NotACaptureException.class,
                () -> CaptureReader.open(new ByteArrayInputStream("<html>hello".getBytes(StandardCharsets.US_ASCII)),
                        "page.pcap"));
        assertTrue(text.getMessage().contains("page.pcap"), text.getMessage());
        assertTrue(text.getMessage().contains("3c68746d"), text.getMessage());
        assertEquals("3c68746d", text.magic());
        assertThrows(NotACaptureException.class, () -> open(new byte[0]));
        assertThrows(NotACaptureException.class, () -> open(new byte[] {'x'}));
        NotACaptureException gz = assertThrows(NotACaptureException.class,
                () -> open(CaptureFiles.gzip("just text".getBytes(StandardCharsets.US_ASCII))));
        assertTrue(gz.getMessage().contains("gzip"), gz.getMessage());
    }

    @Test
    void gzipIsDetectedByMagic() throws IOException {
        byte[] pcap = CaptureFiles.pcap(1).nanos().add(1, 2000, FRAME_A).add(2, 3000, FRAME_B).bytes();
        try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(CaptureFiles.gzip(pcap)), "x.pcapng")) {
            assertEquals("gzip+pcap/nsec little-endian linktype 1", r.formatDescription());
            CaptureRecord rec = new CaptureRecord();
            assertTrue(r.next(rec));
            assertEquals(1_000_002L, rec.tsMicros);
            assertTrue(r.next(rec));
            assertArrayEquals(FRAME_B, Arrays.copyOf(rec.data, rec.length));
            assertEquals(24 + 16 + 60, rec.fileOffset, "offsets are in the decompressed stream");
            assertFalse(r.next(rec));
            assertEquals(pcap.length, r.bytesRead());
        }
    }

    @Test
    void truncatedGzipIsAFormatError() {
        byte[] gz = CaptureFiles.gzip(CaptureFiles.pcap(1).add(1, 2, FRAME_B).add(1, 2, FRAME_B).bytes());
        byte[] cut = Arrays.copyOf(gz, gz.length - 40);
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> {
            try (CaptureReader r = open(cut)) {
                CaptureRecord rec = new CaptureRecord();
                while (r.next(rec)) {
                    // drain
                }
            }
        });
        assertEquals("test.pcap", e.file());
    }

    @Test
    void kuznetzovRecordsHaveLongerHeaders() throws IOException {
        byte[] file = CaptureFiles.pcap(1).add(5, 6, FRAME_A).bytes();
        // rewrite as a1b2cd34 with an 8-byte extension after the 16-byte record header
        byte[] k = new byte[file.length + 8];
        System.arraycopy(file, 0, k, 0, 40);
        System.arraycopy(file, 40, k, 48, FRAME_A.length);
        k[0] = 0x34;
        k[1] = (byte) 0xCD;
        try (CaptureReader r = open(k)) {
            CaptureRecord rec = new CaptureRecord();
            assertTrue(r.next(rec));
            assertArrayEquals(FRAME_A, Arrays.copyOf(rec.data, rec.length));
            assertEquals(5_000_006L, rec.tsMicros);
            assertFalse(r.next(rec));
        }
    }
}
