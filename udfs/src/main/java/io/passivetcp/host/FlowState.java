package io.passivetcp.host;

/**
 * One tracked connection: p0f's {@code packet_flow} (spec §8.1).
 *
 * <p>A public-field POJO so that Flink keeps it in keyed state without Kryo. The client is the SYN sender for the
 * flow's whole life.
 */
public class FlowState {
    /** Path of the capture holding the flow's SYN; the flow's events are attributed to it. */
    public String capture;
    /** Client address (4 or 16 bytes) and port: the direction test for every later packet. */
    public byte[] clientAddress;
    public int clientPort;
    public int serverPort;
    /** Packet seconds of the SYN ({@code created}). */
    public long createdSeconds;
    /** {@link io.passivetcp.packet.TcpPacket#expiryRun} at the flow's latest packet: later runs may expire it. */
    public long lastExpiryRun;
    /** {@link io.passivetcp.packet.TcpPacket#captureId} of the flow's latest packet: whose expiry runs count. */
    public long lastCaptureId;
    /** SYN+ACK seen ({@code acked}). */
    public boolean acked;
    /** A p0f-sendsyn probe flow ({@code sendsyn}). */
    public boolean sendsyn;
    /** MSS of the flow's SYN ({@code syn_mss}). */
    public int synMss;
    /** Next expected client sequence number; the SYN's ISN is this minus one ({@code next_cli_seq}). */
    public long nextClientSeq;
    /** Next expected server sequence number ({@code next_srv_seq}). */
    public long nextServerSeq;
    /** Identifies this flow instance among all flows of the 4-tuple, for per-flow state kept by the hosts. */
    public long flowId;
    /** Server address (4 or 16 bytes), for the connection summary. */
    public byte[] serverAddress;
    /** Time of the SYN and of the flow's latest packet, microseconds since the epoch; packets seen in the flow. */
    public long startMicros;
    public long lastMicros;
    public long packets;
    /** The connection summary so far; null for flows without one (sendsyn probes, ended flows). */
    public ConnectionSummary summary;
    /** Both directions' HTTP buffers and parser state ({@code req_data}, {@code resp_data}, ...). */
    public io.passivetcp.http.HttpFlowState http = new io.passivetcp.http.HttpFlowState();

    public FlowState() {}
}
