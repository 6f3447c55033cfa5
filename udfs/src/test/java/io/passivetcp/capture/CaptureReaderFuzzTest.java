package io.passivetcp.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.passivetcp.capture.testutils.CaptureFiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzz targets for {@link CaptureReader} and its pcap, pcapng and gzip layers (README, "Fuzzing"). The input is a
 * whole file. The contract: records come out, then a clean end or one of the two documented exceptions naming the
 * file and an offset the reader has reached; no other exception; every record lies inside the bytes read, and no
 * length field makes the reader allocate beyond its caps (so a gzip bomb costs time, not memory).
 */
class CaptureReaderFuzzTest {
    private static final String NAME = "fuzz.pcap";
    /** The record buffer may grow to the largest accepted block, doubled by {@link CaptureRecord#ensureCapacity}. */
    private static final int MAX_BUFFER = 2 * PcapngReader.MAX_BLOCK_LENGTH;

    /** Any bytes, recognised by their magic number as pcap, pcapng, gzip or nothing. */
    @FuzzTest
    void readsRecordsOrFailsAtAnOffset(byte[] file) {
        read(file);
    }

    /**
     * The input gzip-compressed: the fuzzer's mutations reach the pcap and pcapng readers through a valid gzip layer,
     * which must be transparent; the compressed file cut in half must give a prefix of the records and an error.
     * Only one gzip layer is read: a gzip inside it is no capture.
     */
    @FuzzTest
    void gzipIsTransparent(byte[] content) {
        byte[] gz = CaptureFiles.gzip(content);
        Outcome zipped = read(gz);
        if (content.length >= 2 && (content[0] & 0xFF) == 0x1F && (content[1] & 0xFF) == 0x8B) {
            NotACaptureException e = assertInstanceOf(NotACaptureException.class, zipped.error(), "gzip in gzip");
            assertTrue(e.magic().startsWith("gzip-compressed 1f8b"), e.magic());
            return;
        }
        Outcome plain = read(content);
        assertEquals(plain.frames().size(), zipped.frames().size(), "records through gzip");
        for (int i = 0; i < plain.frames().size(); i++) {
            assertArrayEquals(plain.frames().get(i), zipped.frames().get(i), "record " + i);
        }
        if (plain.error() instanceof NotACaptureException p) {
            NotACaptureException z = assertInstanceOf(NotACaptureException.class, zipped.error());
            assertEquals("gzip-compressed " + p.magic(), z.magic(), "the magic found through gzip");
        } else {
            assertEquals(describe(plain.error()), describe(zipped.error()), "how the gzipped file ends");
        }

        Outcome cut = read(Arrays.copyOf(gz, gz.length / 2));
        assertNotNull(cut.error(), "a cut gzip stream never ends cleanly");
        assertTrue(cut.frames().size() <= plain.frames().size(), "records of the cut file");
        for (int i = 0; i < cut.frames().size(); i++) {
            assertArrayEquals(plain.frames().get(i), cut.frames().get(i), "record " + i + " of the cut file");
        }
    }

    /** The records read and how the file ended (null: a clean end). */
    private record Outcome(List<byte[]> frames, IOException error) {}

    private static Outcome read(byte[] file) {
        List<byte[]> frames = new ArrayList<>();
        CaptureReader reader = null;
        try {
            reader = CaptureReader.open(new ByteArrayInputStream(file), NAME);
            CaptureRecord rec = new CaptureRecord();
            long lastOffset = -1;
            while (reader.next(rec)) {
                checkRecord(rec, frames.size(), lastOffset, reader.bytesRead());
                lastOffset = rec.fileOffset;
                frames.add(Arrays.copyOf(rec.data, rec.length));
            }
            return new Outcome(frames, null);
        } catch (NotACaptureException e) {
            assertEquals(NAME, e.file());
            assertTrue(e.getMessage().startsWith(NAME + ": "), e.getMessage());
            assertTrue(frames.isEmpty(), "not a capture, yet records were read");
            return new Outcome(frames, e);
        } catch (CaptureFormatException e) {
            assertEquals(NAME, e.file());
            assertTrue(e.getMessage().startsWith(NAME + ": at byte " + e.offset() + ": "), e.getMessage());
            assertTrue(e.offset() >= 0, e.getMessage());
            if (reader != null) {
                assertTrue(e.offset() <= reader.bytesRead(), e.getMessage() + " beyond the bytes read");
            }
            return new Outcome(frames, e);
        } catch (IOException e) {
            throw new AssertionError("undocumented exception for in-memory input: " + e, e);
        }
    }

    private static void checkRecord(CaptureRecord rec, int index, long lastOffset, long bytesRead) {
        assertEquals(index, rec.ordinal, "ordinal");
        assertTrue(rec.fileOffset > lastOffset, "record offsets increase");
        assertTrue(rec.length >= 0 && rec.length <= rec.data.length, "length " + rec.length);
        assertTrue(rec.fileOffset + rec.length <= bytesRead, "record beyond the bytes read");
        assertTrue(rec.data.length <= MAX_BUFFER, "record buffer of " + rec.data.length + " bytes");
        assertTrue(rec.originalLength >= 0, "original length " + rec.originalLength);
        assertTrue(rec.linkType >= 0 && rec.linkType <= PcapFileReader.LINKTYPE_MASK, "link type " + rec.linkType);
    }

    /** The exception's class and message: gzip must change neither. */
    private static String describe(IOException e) {
        return e == null ? "clean end" : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
