package io.passivetcp.capture;

/**
 * One raw captured frame, filled by {@link CaptureReader#next}.
 *
 * <p>Mutable and reused: the reader overwrites the same instance (and the same {@link #data} array, grown when
 * a larger frame arrives) for every record, so reading makes no garbage. Copy what you keep.
 */
public final class CaptureRecord {
    /** Frame bytes, starting at index 0; only the first {@link #length} are valid. */
    public byte[] data = new byte[2048];
    /** Captured bytes available in {@link #data}. */
    public int length;
    /** Length of the frame on the wire (may exceed {@link #length} when the capture was cut short). */
    public int originalLength;
    /** Capture time, microseconds since the epoch (nanosecond captures truncated, pcapng resolution applied). */
    public long tsMicros;
    /**
     * The record's seconds as stored. A classic pcap record may carry 10^6 or more microseconds; p0f prints and
     * ages by the stored seconds while its millisecond arithmetic takes the carry, so both are kept.
     */
    public long tsSeconds;
    /** Link type of the frame ({@link LinkType} value, upper header bits masked off). */
    public int linkType;
    /** Byte offset of this record's header in the (decompressed) capture stream. */
    public long fileOffset;
    /** 0-based index of this record among the packet records of the capture. */
    public long ordinal;

    /** Makes {@link #data} hold at least {@code n} bytes; previous content is not kept. */
    public byte[] ensureCapacity(int n) {
        if (data == null || data.length < n) {
            data = new byte[data == null ? n : Math.max(n, data.length * 2)];
        }
        return data;
    }
}
