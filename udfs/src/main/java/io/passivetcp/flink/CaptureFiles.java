package io.passivetcp.flink;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.Path;

import io.passivetcp.CaptureMerge;
import io.passivetcp.capture.CaptureReader;
import io.passivetcp.capture.CaptureRecord;
import io.passivetcp.packet.PacketDecoder;
import io.passivetcp.packet.TcpPacket;

/** Capture files on any Flink file system, for the analysis in one place: listing them and opening them. */
public final class CaptureFiles {
    private CaptureFiles() {}

    /**
     * The capture files under {@code inputs} (files, or folders read recursively), as the FileSource lists them:
     * what is no file to read (FIFOs, dangling links, link loops, unreadable entries) is reported and left out.
     */
    public static List<String> list(List<String> inputs) {
        Path[] paths = inputs.stream().map(Path::new).toArray(Path[]::new);
        List<String> files = new ArrayList<>();
        for (FileStatus capture : CaptureDiscovery.reporting().captures(paths)) {
            files.add(capture.getPath().toString());
        }
        return files;
    }

    /** Opens captures for the analysis: counted in {@link CaptureStatistics}, bad input reported as PcapFormat does. */
    public static final CaptureMerge.Opener ANALYSED = path -> {
        CaptureReader reader = PcapFormat.openCapture(new Path(path));
        if (reader == null) {
            return null;
        }
        CapturePackets packets = new CapturePackets(path);
        CaptureRecord record = new CaptureRecord();
        return new CaptureMerge.Capture() {
            @Override
            public boolean next(TcpPacket into) {
                while (PcapFormat.nextRecord(reader, record, path)) {
                    if (packets.decode(record, into)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public void close() throws IOException {
                packets.addCounts();
                reader.close();
            }
        };
    };

    /**
     * Opens captures to learn their hosts before the analysis: each frame with IP addresses, whether or not p0f would
     * process it ({@link PacketDecoder#decodeAddresses}), so the hosts found are a superset of those the analysis
     * sees, at a fraction of a full decode. Nothing counted or reported (the analysis does that); a bad record simply
     * ends the capture, as it ends the analysis's.
     */
    public static final CaptureMerge.Opener SILENT = path -> {
        Path p = new Path(path);
        InputStream raw;
        try {
            raw = p.getFileSystem().open(p);
        } catch (IOException unreadable) {
            return null;
        }
        CaptureReader reader;
        try {
            reader = CaptureReader.open(raw, path);
        } catch (IOException notACapture) {
            raw.close();
            return null;
        }
        PacketDecoder decoder = new PacketDecoder();
        CaptureRecord record = new CaptureRecord();
        return new CaptureMerge.Capture() {
            @Override
            public boolean next(TcpPacket into) {
                try {
                    while (reader.next(record)) {
                        if (decoder.decodeAddresses(record, into)) {
                            return true;
                        }
                    }
                } catch (IOException damaged) {
                    return false;
                }
                return false;
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    };
}
