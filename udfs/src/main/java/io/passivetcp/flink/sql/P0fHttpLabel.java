package io.passivetcp.flink.sql;

import io.passivetcp.http.HttpFingerprint;

/**
 * {@code P0F_HTTP_LABEL(raw_sig, is_response)}: the label ({@code Name Flavor}, or {@code ???}) the job's matcher
 * gives a stored HTTP request ({@code is_response} false) or response fingerprint under the database of
 * {@link DatabaseFunction}. A raw_sig shows header values cut at 200 bytes, {@code ]} and control bytes: a
 * signature that tests a value beyond the cut cannot be told from it (see
 * {@link HttpFingerprint#ofRawSignature}). Null in, null out.
 */
public final class P0fHttpLabel extends DatabaseFunction {
    private static final long serialVersionUID = 1L;

    public String eval(String rawSig, Boolean isResponse) {
        if (rawSig == null || isResponse == null) {
            return null;
        }
        return HttpFingerprint.ofRawSignature(db, rawSig, !isResponse).labelValue();
    }
}
