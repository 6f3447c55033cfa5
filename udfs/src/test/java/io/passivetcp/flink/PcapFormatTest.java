package io.passivetcp.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.passivetcp.packet.TcpPacket;

/** The reader side of the FileSource: one split per file, each counted when a reader opens it. */
class PcapFormatTest {
    @Test
    void everyFileIsOneSplitAndEveryOpenedSplitIsCounted(@TempDir Path dir) throws IOException {
        Path sample = Paths.get("../datasets/sample.pcap").toAbsolutePath();
        Path notACapture = Files.writeString(dir.resolve("notes.txt"), "not a capture");
        PcapFormat format = new PcapFormat();
        CaptureStatistics.reset();

        long packets = 0;
        for (Path file : List.of(sample, notACapture)) {
            long size = Files.size(file);
            FileSourceSplit split = new FileSourceSplit(file.getFileName().toString(),
                    new org.apache.flink.core.fs.Path(file.toUri()), 0, size, 0, size);
            try (BulkFormat.Reader<TcpPacket> reader = format.createReader(new Configuration(), split)) {
                for (BulkFormat.RecordIterator<TcpPacket> batch; (batch = reader.readBatch()) != null; ) {
                    while (batch.next() != null) {
                        packets++;
                    }
                    batch.releaseBatch();
                }
            }
        }

        assertTrue(!format.isSplittable(), "a capture is read whole by one reader");
        assertEquals(2, CaptureStatistics.SPLITS_OPENED.sum());
        assertEquals(1, CaptureStatistics.CAPTURES_DONE.sum());
        assertEquals(1, CaptureStatistics.CAPTURES_SKIPPED.sum());
        assertTrue(packets > 0);
        assertEquals(packets, CaptureStatistics.PACKETS_FORWARDED.sum());
    }
}
