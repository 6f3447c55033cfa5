package io.passivetcp.capture;

import java.io.IOException;

/** One capture file format: reads packet records after the file header has been validated. */
abstract class FormatReader {
    protected final CaptureInput in;

    FormatReader(CaptureInput in) {
        this.in = in;
    }

    /** Fills {@code rec} (all fields except {@code ordinal}); false at a clean end of file. */
    abstract boolean next(CaptureRecord rec) throws IOException;

    /** Short human-readable format name, e.g. {@code pcap/usec little-endian linktype 1}. */
    abstract String description();

    protected CaptureFormatException error(long offset, String reason) {
        return new CaptureFormatException(in.name(), offset, reason);
    }
}
