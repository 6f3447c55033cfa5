package io.passivetcp.packet.testutils;

import io.passivetcp.capture.CaptureFormatException;
import io.passivetcp.capture.CaptureReader;
import io.passivetcp.capture.CaptureRecord;
import io.passivetcp.packet.DropReason;
import io.passivetcp.packet.PacketDecoder;
import io.passivetcp.packet.TcpPacket;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A whole capture read and decoded: the kept packets (copies), drop counts, and the error that ended it. */
public final class DecodedCapture {
    public final List<TcpPacket> kept = new ArrayList<>();
    public final Map<DropReason, Integer> reasons = new EnumMap<>(DropReason.class);
    public long records;
    /** {@link CaptureReader#formatDescription()}, or null when the header was refused. */
    public String format;
    /** The CaptureFormatException that ended reading early, or null. */
    public IOException error;

    /**
     * Reads and decodes {@code file}. A CaptureFormatException (bad header or record) ends reading and is kept in
     * {@link #error}; NotACaptureException and other I/O errors propagate.
     */
    public static DecodedCapture of(Path file) throws IOException {
        DecodedCapture d = new DecodedCapture();
        try (InputStream in = Files.newInputStream(file);
                CaptureReader reader = CaptureReader.open(in, file.getFileName().toString())) {
            d.format = reader.formatDescription();
            PacketDecoder decoder = new PacketDecoder();
            CaptureRecord rec = new CaptureRecord();
            TcpPacket p = new TcpPacket();
            while (reader.next(rec)) {
                d.records++;
                DropReason r = decoder.decode(rec, p);
                d.reasons.merge(r, 1, Integer::sum);
                if (r == DropReason.NONE) {
                    d.kept.add(new TcpPacket().copyFrom(p));
                }
            }
        } catch (CaptureFormatException e) {
            d.error = e;
        }
        return d;
    }

    /** Kept packets whose TCP type is {@code type} (e.g. SYN, SYN|ACK). */
    public List<TcpPacket> ofType(int type) {
        return kept.stream().filter(p -> p.tcpType == type).toList();
    }
}
