package io.passivetcp.capture;

import static io.passivetcp.capture.CaptureReaderPcapTest.FRAME_A;
import static io.passivetcp.capture.CaptureReaderPcapTest.FRAME_B;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.passivetcp.capture.testutils.CaptureFiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Hostile input: every prefix of valid files, and random corruption, end cleanly and quickly. */
class CaptureReaderRobustnessTest {

    static byte[] pcapFile() {
        return CaptureFiles.pcap(1).add(1, 2, FRAME_A).add(3, 4, FRAME_B).add(5, 6, FRAME_A, 2000).bytes();
    }

    static byte[] pcapngFile() {
        return CaptureFiles.pcapng().shb(false).idb(1, 0, 9, 3L).block(0x0BAD, new byte[] {1, 2, 3})
                .epb(0, 1_000_000_123L, FRAME_A).spb(FRAME_B, 1514).idb(101, 96)
                .pb(1, 77, FRAME_A).shb(true).idb(113, 0).epb(0, 5, FRAME_B).bytes();
    }

    /** Outcome of reading a whole stream: the records read and how it ended. */
    record Outcome(List<byte[]> frames, IOException error) {}

    static Outcome read(byte[] file) {
        List<byte[]> frames = new ArrayList<>();
        try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(file), "f")) {
            CaptureRecord rec = new CaptureRecord();
            while (r.next(rec)) {
                frames.add(Arrays.copyOf(rec.data, rec.length));
            }
            return new Outcome(frames, null);
        } catch (CaptureFormatException | NotACaptureException e) {
            return new Outcome(frames, e);
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("unexpected " + e, e);
        }
    }

    @Test
    void everyPrefixEndsCleanly() {
        for (byte[] full : List.of(pcapFile(), pcapngFile())) {
            List<byte[]> all = read(full).frames();
            assertTrue(all.size() >= 3);
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                for (int n = 0; n < full.length; n++) {
                    Outcome o = read(Arrays.copyOf(full, n));
                    assertPrefixOf(all, o.frames(), n);
                    if (n == 0) {
                        assertTrue(o.error() instanceof NotACaptureException, "empty file");
                    } else if (o.error() == null) {
                        // a clean EOF only where a record or block ends
                        assertTrue(o.frames().size() < all.size(), "prefix " + n);
                    } else {
                        assertTrue(o.error() instanceof CaptureFormatException, "prefix " + n + ": " + o.error());
                    }
                }
            });
        }
    }

    @Test
    void everyPrefixOfAGzipEndsCleanly() {
        for (byte[] content : List.of(pcapFile(), pcapngFile())) {
            byte[] gz = CaptureFiles.gzip(content);
            List<byte[]> all = read(content).frames();
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                for (int n = 2; n < gz.length; n++) {
                    Outcome o = read(Arrays.copyOf(gz, n));
                    assertPrefixOf(all, o.frames(), n);
                    if (o.error() != null && !(o.error() instanceof CaptureFormatException)) {
                        fail("prefix " + n + ": " + o.error());
                    }
                }
            });
            assertEquals(all.size(), read(gz).frames().size());
        }
    }

    @Test
    void randomCorruptionNeverEscapesOrHangs() {
        Random random = new Random(42);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (byte[] full : List.of(pcapFile(), pcapngFile(), CaptureFiles.gzip(pcapngFile()))) {
                for (int i = 0; i < 3000; i++) {
                    byte[] m = full.clone();
                    int flips = 1 + random.nextInt(4);
                    for (int k = 0; k < flips; k++) {
                        m[random.nextInt(m.length)] = (byte) random.nextInt(256);
                    }
                    read(m);
                }
            }
            for (int i = 0; i < 2000; i++) {
                byte[] noise = new byte[random.nextInt(200)];
                random.nextBytes(noise);
                if (noise.length >= 4 && i % 2 == 0) {
                    System.arraycopy(i % 4 == 0 ? pcapFile() : pcapngFile(), 0, noise, 0, 4); // plausible magic
                }
                read(noise);
            }
        });
    }

    private static void assertPrefixOf(List<byte[]> all, List<byte[]> got, int n) {
        assertTrue(got.size() <= all.size(), "prefix " + n);
        for (int i = 0; i < got.size(); i++) {
            assertArrayEquals(all.get(i), got.get(i), "prefix " + n + " record " + i);
        }
    }
}
