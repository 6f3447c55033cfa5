package io.passivetcp.host;

import io.passivetcp.Observation;

/**
 * What the connections table will hold of one connection, gathered while its flow lives: p0f's fingerprints of it
 * as they come, and the TLS client's. Becomes an {@link Observation.Connection} when the flow ends.
 *
 * <p>A public-field POJO, so that Flink keeps it in keyed state (inside {@link FlowState}) without Kryo. Each
 * fingerprint is encoded once, when it arrives ({@link Observation#dataToBytes}), and decoded once, at the end.
 */
public class ConnectionSummary {
    public byte[] syn;
    public String synRawSig;
    public String synParams;
    public byte[] synAck;
    public String synAckRawSig;
    public String synAckParams;
    /** MTU from the SYN's and the SYN+ACK's MSS, or -1; the link types they name, or null. */
    public int clientMtu = -1;
    public String clientLink;
    public int serverMtu = -1;
    public String serverLink;
    public byte[] request;
    public String requestRawSig;
    public String requestLang;
    public String requestParams;
    public byte[] response;
    public String responseRawSig;
    public String responseParams;
    public byte[] tls;

    public ConnectionSummary() {}

    /** The summary of the connection whose SYN gave {@code syn}. */
    static ConnectionSummary ofSyn(Observation.Tcp syn, String rawSig, String params) {
        ConnectionSummary s = new ConnectionSummary();
        s.syn = Observation.dataToBytes(syn);
        s.synRawSig = rawSig;
        s.synParams = params;
        return s;
    }

    void synAck(Observation.Tcp fingerprint, String rawSig, String params) {
        synAck = Observation.dataToBytes(fingerprint);
        synAckRawSig = rawSig;
        synAckParams = params;
    }

    void mtu(boolean ofClient, int rawMtu, String link) {
        if (ofClient) {
            clientMtu = rawMtu;
            clientLink = link;
        } else {
            serverMtu = rawMtu;
            serverLink = link;
        }
    }

    /** Keeps the connection's first request and first response. */
    void http(boolean isRequest, Observation.Http fingerprint, String rawSig, String lang, String params) {
        if (isRequest && request == null) {
            request = Observation.dataToBytes(fingerprint);
            requestRawSig = rawSig;
            requestLang = lang;
            requestParams = params;
        } else if (!isRequest && response == null) {
            response = Observation.dataToBytes(fingerprint);
            responseRawSig = rawSig;
            responseParams = params;
        }
    }

    /** Keeps the connection's first ClientHello fingerprint. */
    void tls(Observation.Tls fingerprint) {
        if (tls == null) {
            tls = Observation.dataToBytes(fingerprint);
        }
    }

    Observation.Connection toRecord(long startMicros, long endMicros, String endReason, long packets) {
        return new Observation.Connection(startMicros, endMicros, endReason, packets, decode(syn), synRawSig,
                synParams, decode(synAck), synAckRawSig, synAckParams, clientMtu, clientLink, serverMtu, serverLink,
                decode(request), requestRawSig, requestLang, requestParams, decode(response), responseRawSig,
                responseParams, decode(tls));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Observation.Data> T decode(byte[] encoded) {
        return encoded == null ? null : (T) Observation.dataFromBytes(encoded);
    }
}
