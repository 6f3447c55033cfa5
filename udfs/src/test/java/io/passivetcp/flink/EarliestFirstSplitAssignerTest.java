package io.passivetcp.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.flink.connector.file.src.FileSourceSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.passivetcp.capture.testutils.CaptureFiles;

/** STREAMING reads an archive's captures by the time of their first record, whatever order they are listed in. */
class EarliestFirstSplitAssignerTest {
    @Test
    void capturesComeByTheirFirstRecordAndUnreadableOnesFirst(@TempDir Path dir) throws Exception {
        Path late = capture(dir, "a-late.pcap", 2_000);
        Path early = capture(dir, "b-early.pcap", 1_000);
        Path middle = capture(dir, "c-middle.pcap", 1_500);
        Path notACapture = Files.writeString(dir.resolve("d-notes.txt"), "not a capture");
        EarliestFirstSplitAssigner assigner = new EarliestFirstSplitAssigner(List.of(split(late), split(early)));
        assigner.addSplits(List.of(split(middle), split(notACapture)));

        List<String> order = new ArrayList<>();
        for (Optional<FileSourceSplit> s = assigner.getNext(null); s.isPresent(); s = assigner.getNext(null)) {
            order.add(s.get().path().getName());
        }
        assertEquals(List.of("d-notes.txt", "b-early.pcap", "c-middle.pcap", "a-late.pcap"), order);
    }

    private static Path capture(Path dir, String name, long seconds) throws Exception {
        byte[] frame = new byte[60];
        return Files.write(dir.resolve(name), CaptureFiles.pcap(1).add(seconds, 0, frame).add(seconds + 1, 0, frame)
                .bytes());
    }

    private static FileSourceSplit split(Path file) throws Exception {
        return new FileSourceSplit(file.getFileName().toString(), new org.apache.flink.core.fs.Path(file.toUri()), 0,
                Files.size(file), 0, Files.size(file));
    }
}
