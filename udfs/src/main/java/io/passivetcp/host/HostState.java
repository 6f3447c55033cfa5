package io.passivetcp.host;

import io.passivetcp.P0fConfig;

/**
 * What p0f remembers about one host ({@code host_data}, spec §8.3), keyed by IP version and address.
 *
 * <p>A Flink POJO: public fields of primitives, strings, primitive arrays and the nested POJOs below (no
 * collections), so keyed state needs no Kryo. Matched signatures are referred to by their database line
 * ({@code -1} = none) and resolved through the broadcast {@link io.passivetcp.signature.SignatureDatabase}.
 * Behaviour lives in {@link HostTracker} and its helpers.
 */
public class HostState {
    /** No class / name id known ({@code -1} in p0f). */
    public static final int UNKNOWN_ID = -1;
    /** {@link #distance} of a host whose distance is unknown: a u8 holding -1. */
    public static final int UNKNOWN_DISTANCE = 255;

    /** {@code host_data.first_seen}: packet seconds of the host's creation. */
    public long firstSeen;
    /** {@code host_data.last_seen}: packet seconds of the latest flow creation involving the host. */
    public long lastSeen;
    /** {@code host_data.total_conn}: flows created with this host as client or server. */
    public long totalConn;

    /** {@code host_data.last_syn}: the latest kept SYN fingerprint, or null. */
    public TcpRecord lastSyn;
    /** {@code host_data.last_synack}: the latest kept SYN+ACK fingerprint, or null. */
    public TcpRecord lastSynAck;

    /** {@code host_data.last_class_id}: class of the latest OS match, or {@link #UNKNOWN_ID}. */
    public int lastClassId = UNKNOWN_ID;
    /** {@code host_data.last_name_id}: name of the latest OS match, or {@link #UNKNOWN_ID}. */
    public int lastNameId = UNKNOWN_ID;
    /** {@code host_data.last_flavor}: flavor of the latest OS match ("" when the label has none), or null. */
    public String lastFlavor;
    /** {@code host_data.last_quality}: fuzzy·1 | generic·2 of the latest OS match. */
    public int lastQuality;

    /** {@code host_data.distance}: hop distance (u8), {@link #UNKNOWN_DISTANCE} until a non-bad-TTL match. */
    public int distance = UNKNOWN_DISTANCE;
    /** {@code host_data.link_type}: the latest known MTU link name, or null (not fed by host events yet). */
    public String linkType;

    /** {@code host_data.last_up_min}: uptime in minutes of the latest reading, or -1. */
    public long lastUpMin = -1;
    /** {@code host_data.up_mod_days}: wrap-around period of the latest reading, days. */
    public long upModDays;

    /** {@code host_data.cli_scores}: NAT score history as client, oldest first ({@value P0fConfig#NAT_SCORES}, u8). */
    public int[] cliScores = new int[P0fConfig.NAT_SCORES];
    /** {@code host_data.srv_scores}: NAT score history as server, oldest first. */
    public int[] srvScores = new int[P0fConfig.NAT_SCORES];
    /** {@code host_data.nat_reasons}: {@link NatReason} bits accumulated since the last {@code ip sharing}. */
    public int natReasons;
    /** {@code host_data.last_nat}: packet seconds of the latest {@code ip sharing}, 0 = never. */
    public long lastNat;
    /** {@code host_data.last_chg}: packet seconds of the latest {@code host change}, 0 = never. */
    public long lastChg;
    /** {@code host_data.last_port}: client port of the latest TCP scoring (also for SYN+ACKs: BUG-11), 0 = none. */
    public int lastPort;

    /** {@code host_data.http_req_os}: the latest request matched by an OS-class HTTP sig, or null. */
    public HttpRecord httpReqOs;
    /** {@code host_data.http_resp}: the latest HTTP response fingerprint (matched or not), or null. */
    public HttpRecord httpResp;
    /** {@code host_data.http_resp_port}: server port of {@link #httpResp}. */
    public int httpRespPort;
    /** {@code host_data.http_name_id}: name of the latest HTTP application match, or {@link #UNKNOWN_ID}. */
    public int httpNameId = UNKNOWN_ID;
    /** {@code host_data.http_flavor}: flavor of the latest HTTP application match, or null. */
    public String httpFlavor;
    /** {@code host_data.language}: the latest Accept-Language name, or null. */
    public String language;
    /** {@code host_data.bad_sw}: 0 fine, 1 User-Agent contradicts the OS, 2 dishonest software string. */
    public int badSw;

    /**
     * Not in p0f: {@link io.passivetcp.packet.TcpPacket#expiryRun} at the host's previous event, to tell whether
     * one of p0f's cache expiry runs fell since (spec §8.4).
     */
    public long lastExpiryRun;
    /** Capture of the host's latest event: whose expiry runs count. */
    public long lastCaptureId;

    /**
     * Not in p0f's host: the uptime locks {@code packet_flow.cli_tps / srv_tps} (spec §6) of the flows this host
     * belongs to, which the host keeps because readings need its memory. Parallel arrays, one entry per flow and
     * role: {@link #tpsFlowIds} ({@code HostEvent.flowId}), {@link #tpsClientRole} (1 = the host is the flow's
     * client), {@link #tpsValues} (rounded frequency, or -1 after a bad reading) and {@link #tpsSeconds} (packet
     * seconds of the lock, for pruning).
     */
    public long[] tpsFlowIds = new long[0];
    /** See {@link #tpsFlowIds}: 1 = {@code cli_tps}, 0 = {@code srv_tps}. */
    public int[] tpsClientRole = new int[0];
    /** See {@link #tpsFlowIds}: the lock value, a rounded frequency or -1. */
    public int[] tpsValues = new int[0];
    /** See {@link #tpsFlowIds}: packet seconds when the lock was set. */
    public long[] tpsSeconds = new long[0];

    public HostState() {}

    /** A host as p0f creates it ({@code create_host}) at packet second {@code seconds}. */
    public static HostState created(long seconds) {
        HostState h = new HostState();
        h.firstSeen = seconds;
        h.lastSeen = seconds;
        return h;
    }

    /** The part of a kept SYN / SYN+ACK fingerprint ({@code struct tcp_sig}) that later packets compare with. */
    public static class TcpRecord {
        /** Line of the matched {@code [tcp:*]} sig ({@code tcp_sig.matched}), or -1. */
        public int signatureLine = -1;
        /** {@code tcp_sig.fuzzy}. */
        public boolean fuzzy;
        /** {@code tcp_sig.dist}: distance (u8). */
        public int distance;
        /** {@code tcp_sig.quirks}: {@link io.passivetcp.tcp.Quirk} bits. */
        public int quirks;
        /** Option kinds in order; stands for {@code tcp_sig.opt_hash}. */
        public byte[] layout = new byte[0];
        /** {@code tcp_sig.ttl}: the observed TTL. */
        public int ttl;
        /** {@code tcp_sig.mss}. */
        public int mss;
        /** {@code tcp_sig.ts1}: TSval, unsigned 32-bit, 0 if absent. */
        public long ts1;
        /** {@code tcp_sig.recv_ms}: packet time in milliseconds. */
        public long recvMillis;

        public TcpRecord() {}
    }

    /** The part of an HTTP fingerprint ({@code struct http_sig}) that later responses compare with. */
    public static class HttpRecord {
        /** Line of the matched {@code [http:*]} sig ({@code http_sig.matched}), or -1. */
        public int signatureLine = -1;
        /** {@code http_sig.date}: the Date header as unix seconds, 0 when none. */
        public long date;
        /** {@code http_sig.recv_date}: packet seconds when the header block was complete. */
        public long recvDate;

        public HttpRecord() {}
    }
}
