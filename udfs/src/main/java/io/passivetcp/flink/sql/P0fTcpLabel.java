package io.passivetcp.flink.sql;

import io.passivetcp.tcp.TcpFingerprint;
import io.passivetcp.tcp.TcpMatcher;
import io.passivetcp.tcp.TcpRawSignature;

/**
 * {@code P0F_TCP_LABEL(raw_sig, is_synack, window)}: the label ({@code Name Flavor}, or {@code ???}) the job's
 * matcher gives a stored SYN ({@code is_synack} false) or SYN+ACK fingerprint under the database of
 * {@link DatabaseFunction}. The raw 16-bit {@code window} is needed because a raw_sig may show the window only as a
 * multiple ({@code mss*20}), and literal and {@code %N} signatures test the window itself. Null in, null out.
 */
public final class P0fTcpLabel extends DatabaseFunction {
    private static final long serialVersionUID = 1L;

    public String eval(String rawSig, Boolean isSynAck, Integer window) {
        if (rawSig == null || isSynAck == null || window == null) {
            return null;
        }
        TcpRawSignature raw = TcpRawSignature.parse(rawSig, window);
        return TcpFingerprint.of(TcpMatcher.match(db, raw, isSynAck), false, 0, rawSig).labelValue();
    }
}
