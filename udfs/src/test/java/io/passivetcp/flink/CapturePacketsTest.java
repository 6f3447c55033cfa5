package io.passivetcp.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

import io.passivetcp.capture.CaptureReader;
import io.passivetcp.capture.CaptureRecord;
import io.passivetcp.packet.TcpPacket;

/** A reader's packet counts reach {@link CaptureStatistics} in steps while it reads, and in full once it adds them. */
class CapturePacketsTest {
    @Test
    void countsAreAddedEveryStepAndInFullAtTheEnd() throws IOException {
        Path sample = Paths.get("../datasets/sample.pcap").toAbsolutePath();
        CaptureStatistics.reset();
        CapturePackets packets = new CapturePackets(sample.toString());
        CaptureRecord record = new CaptureRecord();
        TcpPacket packet = new TcpPacket();
        long read = 0;
        long forwarded = 0;
        while (read < 3 * CapturePackets.COUNTS_ADDED_EVERY + 7) {
            try (InputStream in = Files.newInputStream(sample); CaptureReader reader = CaptureReader.open(in, "s")) {
                while (reader.next(record)) {
                    read++;
                    if (packets.decode(record, packet)) {
                        forwarded++;
                    }
                    assertEquals(read / CapturePackets.COUNTS_ADDED_EVERY * CapturePackets.COUNTS_ADDED_EVERY,
                            CaptureStatistics.PACKETS_READ.sum(), "added in whole steps while reading");
                }
            }
        }
        packets.addCounts();
        assertEquals(read, CaptureStatistics.PACKETS_READ.sum());
        assertEquals(forwarded, CaptureStatistics.PACKETS_FORWARDED.sum());
        packets.addCounts();
        assertEquals(read, CaptureStatistics.PACKETS_READ.sum(), "nothing added twice");
    }
}
