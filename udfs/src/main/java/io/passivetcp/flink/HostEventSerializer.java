package io.passivetcp.flink;

import java.io.IOException;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import io.passivetcp.Observation;
import io.passivetcp.host.HostEvent;

/** Wire form of a {@link HostEvent}: a header, then only the parts the event carries. */
public final class HostEventSerializer extends RecordSerializer<HostEvent> {
    private static final long serialVersionUID = 1L;

    private static final int TOUCH = 1, TCP = 2, TIMESTAMP = 4, HTTP = 8;

    @Override
    public HostEvent createInstance() {
        return new HostEvent();
    }

    @Override
    public void serialize(HostEvent e, DataOutputView out) throws IOException {
        writeContext(e, out);
        out.writeLong(e.expiryRun);
        out.writeLong(e.expirySeconds);
        out.writeLong(e.flowId);
        int parts = (e.touch ? TOUCH : 0) | (e.tcpKind != HostEvent.NONE ? TCP : 0)
                | (e.timestampSample ? TIMESTAMP : 0) | (e.httpKind != HostEvent.NONE ? HTTP : 0);
        out.writeByte(parts);
        if ((parts & TCP) != 0) {
            out.writeByte(e.tcpKind);
            out.writeInt(e.tcpSignatureLine);
            out.writeBoolean(e.tcpApplication);
            out.writeBoolean(e.tcpFuzzy);
            out.writeByte(e.tcpDistance);
            out.writeInt(e.quirks);
            out.writeByte(e.layout.length);
            out.write(e.layout);
            out.writeByte(e.ttl);
            out.writeShort(e.mss);
        }
        if ((parts & (TCP | TIMESTAMP)) != 0) {
            out.writeInt((int) e.ts1);
            out.writeBoolean(e.pureSyn);
        }
        if ((parts & HTTP) != 0) {
            out.writeByte(e.httpKind);
            out.writeInt(e.httpSignatureLine);
            out.writeBoolean(e.httpDishonest);
            Observation.writeText(e.httpSoftware, out);
            Observation.writeText(e.httpLanguage, out);
            out.writeBoolean(e.httpVia);
            out.writeLong(e.httpDate);
        }
    }

    @Override
    public HostEvent deserialize(DataInputView in) throws IOException {
        HostEvent e = readContext(new HostEvent(), in);
        e.expiryRun = in.readLong();
        e.expirySeconds = in.readLong();
        e.flowId = in.readLong();
        int parts = in.readUnsignedByte();
        e.touch = (parts & TOUCH) != 0;
        e.timestampSample = (parts & TIMESTAMP) != 0;
        if ((parts & TCP) != 0) {
            e.tcpKind = in.readUnsignedByte();
            e.tcpSignatureLine = in.readInt();
            e.tcpApplication = in.readBoolean();
            e.tcpFuzzy = in.readBoolean();
            e.tcpDistance = in.readUnsignedByte();
            e.quirks = in.readInt();
            e.layout = new byte[in.readUnsignedByte()];
            in.readFully(e.layout);
            e.ttl = in.readUnsignedByte();
            e.mss = in.readUnsignedShort();
        }
        if ((parts & (TCP | TIMESTAMP)) != 0) {
            e.ts1 = in.readInt() & 0xFFFFFFFFL;
            e.pureSyn = in.readBoolean();
        }
        if ((parts & HTTP) != 0) {
            e.httpKind = in.readUnsignedByte();
            e.httpSignatureLine = in.readInt();
            e.httpDishonest = in.readBoolean();
            e.httpSoftware = Observation.readText(in);
            e.httpLanguage = Observation.readText(in);
            e.httpVia = in.readBoolean();
            e.httpDate = in.readLong();
        }
        return e;
    }

    @Override
    public TypeSerializerSnapshot<HostEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Versioned snapshot, so that state written by this serializer can be restored. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<HostEvent> {
        public Snapshot() {
            super(HostEventSerializer::new);
        }
    }
}
