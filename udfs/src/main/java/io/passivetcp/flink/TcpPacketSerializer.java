package io.passivetcp.flink;

import java.io.IOException;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import io.passivetcp.Observation;
import io.passivetcp.packet.TcpPacket;
import io.passivetcp.tls.TlsTracker;

/**
 * Compact wire form of a {@link TcpPacket}: about 60 bytes plus the kept payload. The capture path travels only
 * on the packets that open state: SYN-class packets, which open flows, and those that may start a TLS ClientHello
 * ({@link TlsTracker#mayStartClientHello}); later packets of a flow are attributed to the flow's capture.
 */
public final class TcpPacketSerializer extends RecordSerializer<TcpPacket> {
    private static final long serialVersionUID = 1L;

    @Override
    public TcpPacket createInstance() {
        return new TcpPacket();
    }

    @Override
    public TcpPacket copy(TcpPacket from) {
        return new TcpPacket().copyFrom(from);
    }

    @Override
    public void serialize(TcpPacket p, DataOutputView out) throws IOException {
        out.writeLong(p.captureId);
        Observation.writeText((p.tcpType & TcpPacket.SYN) != 0 || TlsTracker.mayStartClientHello(p) ? p.capture : null,
                out);
        out.writeLong(p.ordinal);
        out.writeLong(p.tsMicros);
        out.writeLong(p.orderMicros);
        out.writeInt((int) (p.tsSeconds - Math.floorDiv(p.tsMicros, 1_000_000L)));
        out.writeLong(p.expiryRun);
        out.writeLong(p.expirySeconds);
        out.writeByte(p.ipVersion);
        int n = p.addressLength();
        out.write(p.src, 0, n);
        out.write(p.dst, 0, n);
        out.writeByte(p.ttl);
        out.writeByte(p.tos);
        out.writeByte(p.olen);
        out.writeInt(p.quirks);
        out.writeShort(p.srcPort);
        out.writeShort(p.dstPort);
        out.writeByte(p.tcpType);
        out.writeInt((int) p.seq);
        out.writeShort(p.win);
        out.writeShort(p.mss);
        out.writeByte(p.wscale);
        out.writeByte(p.layoutLength);
        out.write(p.layout, 0, p.layoutLength);
        out.writeByte(p.eolPad);
        out.writeInt((int) p.ts1);
        out.writeShort(p.totHdr);
        out.writeInt(p.payLen);
        out.writeShort(p.payloadLength);
        out.write(p.payload, 0, p.payloadLength);
    }

    @Override
    public TcpPacket deserialize(DataInputView in) throws IOException {
        TcpPacket p = new TcpPacket();
        p.captureId = in.readLong();
        p.capture = Observation.readText(in);
        p.ordinal = in.readLong();
        p.tsMicros = in.readLong();
        p.orderMicros = in.readLong();
        p.tsSeconds = Math.floorDiv(p.tsMicros, 1_000_000L) + in.readInt();
        p.expiryRun = in.readLong();
        p.expirySeconds = in.readLong();
        p.ipVersion = in.readUnsignedByte();
        int n = p.addressLength();
        in.readFully(p.src, 0, n);
        in.readFully(p.dst, 0, n);
        p.ttl = in.readUnsignedByte();
        p.tos = in.readUnsignedByte();
        p.olen = in.readUnsignedByte();
        p.quirks = in.readInt();
        p.srcPort = in.readUnsignedShort();
        p.dstPort = in.readUnsignedShort();
        p.tcpType = in.readUnsignedByte();
        p.seq = in.readInt() & 0xFFFFFFFFL;
        p.win = in.readUnsignedShort();
        p.mss = in.readUnsignedShort();
        p.wscale = in.readUnsignedByte();
        p.layoutLength = in.readUnsignedByte();
        in.readFully(p.layout, 0, p.layoutLength);
        p.eolPad = in.readUnsignedByte();
        p.ts1 = in.readInt() & 0xFFFFFFFFL;
        p.totHdr = in.readUnsignedShort();
        p.payLen = in.readInt();
        int kept = in.readUnsignedShort();
        byte[] payload = new byte[kept];
        in.readFully(payload);
        p.setPayload(payload, kept);
        return p;
    }

    @Override
    public TypeSerializerSnapshot<TcpPacket> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Versioned snapshot, so that state written by this serializer can be restored. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<TcpPacket> {
        public Snapshot() {
            super(TcpPacketSerializer::new);
        }
    }
}
