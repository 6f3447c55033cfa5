package io.passivetcp.tls;

import java.util.EnumMap;
import java.util.Map;

/**
 * What {@link ClientHelloParser} made of the bytes so far: a complete {@link ClientHello}, a need for more bytes,
 * no ClientHello at all (not TLS, or another handshake message), or a rejection with its reason.
 */
public final class ParseResult {
    public enum Status { COMPLETE, NEED_MORE, NOT_CLIENT_HELLO, REJECTED }

    public static final ParseResult NEED_MORE = new ParseResult(Status.NEED_MORE, null, null);
    public static final ParseResult NOT_CLIENT_HELLO = new ParseResult(Status.NOT_CLIENT_HELLO, null, null);
    private static final Map<TlsReject, ParseResult> REJECTIONS = new EnumMap<>(TlsReject.class);

    static {
        for (TlsReject r : TlsReject.values()) {
            REJECTIONS.put(r, new ParseResult(Status.REJECTED, null, r));
        }
    }

    private final Status status;
    private final ClientHello hello;
    private final TlsReject reject;

    private ParseResult(Status status, ClientHello hello, TlsReject reject) {
        this.status = status;
        this.hello = hello;
        this.reject = reject;
    }

    public static ParseResult complete(ClientHello hello) {
        return new ParseResult(Status.COMPLETE, hello, null);
    }

    public static ParseResult rejected(TlsReject reason) {
        return REJECTIONS.get(reason);
    }

    public Status status() {
        return status;
    }

    /** The ClientHello when {@link Status#COMPLETE}, else null. */
    public ClientHello hello() {
        return hello;
    }

    /** The reason when {@link Status#REJECTED}, else null. */
    public TlsReject reject() {
        return reject;
    }

    @Override
    public String toString() {
        return status == Status.REJECTED ? "REJECTED(" + reject + ")" : status.name();
    }
}
