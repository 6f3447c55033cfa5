package io.passivetcp.host;

import io.passivetcp.PacketContext;

/**
 * What one packet tells about one host: the flow function's message to that host's state (p0f's {@code host_data}).
 *
 * <p>A packet yields at most one event per subject host; its parts are applied in p0f's order (spec §8.2, §8.9):
 * flow creation ({@link #touch}), the TCP fingerprint's NAT scoring or application check, the uptime sample, and
 * the HTTP fingerprint's updates and scoring. Mutable public fields, like {@link io.passivetcp.packet.TcpPacket}.
 */
public final class HostEvent extends PacketContext {
    public static final int NONE = 0;
    /** {@link #tcpKind}: a SYN ({@code last_syn}) or a SYN+ACK ({@code last_synack}). */
    public static final int SYN = 1, SYN_ACK = 2;
    /** {@link #httpKind}. */
    public static final int REQUEST = 1, RESPONSE = 2;

    /** The capture's latest p0f expiry run, see {@link io.passivetcp.packet.TcpPacket#expiryRun}. */
    public long expiryRun;
    public long expirySeconds;

    /** Identifies the connection instance (p0f's flow): uptime is read once per flow and direction. */
    public long flowId;

    // ---- flow creation (spec §8.2 step 2: both hosts are created or touched) ----
    public boolean touch;

    // ---- TCP fingerprint of a SYN / SYN+ACK (spec §4.6, §8.6, §8.7) ----
    /** {@link #NONE}, {@link #SYN} or {@link #SYN_ACK}. */
    public int tcpKind;
    /** Line of the matched {@code [tcp:*]} signature in the database, or -1. */
    public int tcpSignatureLine = -1;
    /** The match was an application signature: only the application-versus-OS check runs (spec §4.6.3). */
    public boolean tcpApplication;
    public boolean tcpFuzzy;
    /** Distance (u8) of the match or guess (spec §4.4). */
    public int tcpDistance;
    public int quirks;
    public byte[] layout;
    public int ttl;
    public int mss;

    // ---- timestamp sample for uptime (spec §6): ts1 != 0 and not a sendsyn flow ----
    public boolean timestampSample;
    /** The packet is a pure SYN (a bad reading on it does not lock the direction). */
    public boolean pureSyn;
    /** The TCP timestamp option's own value (TSval), unsigned 32-bit; 0 if absent. */
    public long ts1;

    // ---- HTTP fingerprint (spec §7.9, §8.8) ----
    /** {@link #NONE}, {@link #REQUEST} or {@link #RESPONSE}. */
    public int httpKind;
    /** Line of the matched {@code [http:*]} signature, or -1. */
    public int httpSignatureLine = -1;
    public boolean httpDishonest;
    /** User-Agent or Server value, or null. */
    public String httpSoftware;
    /** Accept-Language looked up to a language name, or null. */
    public String httpLanguage;
    /** Via or X-Forwarded-For present. */
    public boolean httpVia;
    /** Parsed Date header (responses), unix seconds; 0 when none. */
    public long httpDate;

    /** p0f's millisecond packet time: {@code sec * 1000 + usec / 1000}. */
    public long millis() {
        return Math.floorDiv(tsMicros, 1000);
    }
}
