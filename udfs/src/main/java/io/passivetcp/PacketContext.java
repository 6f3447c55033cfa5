package io.passivetcp;

/**
 * Where a fact comes from and whom it is about: the packet's position in the input and the connection's two ends.
 * Shared by what a packet tells a host ({@link io.passivetcp.host.HostEvent}) and what gets printed
 * ({@link Observation}), so that an event inherits the position of the packet that caused it.
 */
public abstract class PacketContext {
    /** Packet time, microseconds since the epoch. */
    public long tsMicros;
    /** Packet seconds as p0f prints them (see {@link io.passivetcp.packet.TcpPacket#tsSeconds}). */
    public long tsSeconds;
    /** {@link io.passivetcp.packet.TcpPacket#orderMicros} of the packet. */
    public long orderMicros;
    public long captureId;
    /** Path of the capture the event is attributed to. */
    public String capture;
    public long ordinal;

    public int ipVersion;
    /** Client (SYN sender) and server addresses: 4 or 16 bytes. */
    public byte[] client;
    public byte[] server;
    public int clientPort;
    public int serverPort;
    /** True when the fact is about the client ({@code subj=cli}), else the server. */
    public boolean subjectIsClient;

    /**
     * The packet time consistent with what p0f logs: the stored seconds plus the sub-second part. It differs from
     * {@link #tsMicros} only for a damaged pcap record that stores a million or more microseconds.
     */
    public long loggedMicros() {
        return tsSeconds * 1_000_000L + Math.floorMod(tsMicros, 1_000_000L);
    }

    /** Takes the position of packet {@code p} in the input (time, order, capture, index) and its IP version. */
    public void positionAt(io.passivetcp.packet.TcpPacket p) {
        tsMicros = p.tsMicros;
        tsSeconds = p.tsSeconds;
        orderMicros = p.orderMicros;
        captureId = p.captureId;
        ordinal = p.ordinal;
        ipVersion = p.ipVersion;
    }

    /** Takes the position and the connection of {@code other}. */
    public void copyContextFrom(PacketContext other) {
        tsMicros = other.tsMicros;
        tsSeconds = other.tsSeconds;
        orderMicros = other.orderMicros;
        captureId = other.captureId;
        capture = other.capture;
        ordinal = other.ordinal;
        ipVersion = other.ipVersion;
        client = other.client;
        server = other.server;
        clientPort = other.clientPort;
        serverPort = other.serverPort;
        subjectIsClient = other.subjectIsClient;
    }
}
