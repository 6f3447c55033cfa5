package io.passivetcp.tcp;

import io.passivetcp.P0fConfig;
import io.passivetcp.signature.LineCursor;
import io.passivetcp.signature.SignatureSyntaxException;

/**
 * A printed raw_sig ({@code ver:ttl+guess:olen:mss:win,wscale:layout:quirks:pclass}, spec §2.5) and the packet's
 * literal window, read back into what {@link TcpMatcher} compares: a stored SYN or SYN+ACK fingerprint matched
 * again without its packet. The window multiple the raw_sig shows is the one computed from the packet (with the
 * SYN's MSS for a SYN+ACK), and the literal window is the only packet field the raw_sig does not carry.
 */
public final class TcpRawSignature {
    private static final int FIELDS = 8;
    private static final int MAX_WINDOW = 65535;

    final TcpSubject subject;

    private TcpRawSignature(TcpSubject subject) {
        this.subject = subject;
    }

    /**
     * @param window the raw 16-bit window of the packet (the tables' {@code window} column)
     * @throws IllegalArgumentException when {@code rawSig} is not a raw TCP signature, or shows another window
     */
    public static TcpRawSignature parse(String rawSig, int window) {
        String[] f = rawSig.split(":", -1);
        if (f.length != FIELDS || !(f[0].equals("4") || f[0].equals("6"))) {
            throw malformed(rawSig, "8 ':'-separated fields starting with 4 or 6");
        }
        int plus = f[1].indexOf('+');
        String[] windowAndScale = f[4].split(",", -1);
        if (plus <= 0 || windowAndScale.length != 2) {
            throw malformed(rawSig, "ttl+guess and win,wscale");
        }
        if (window < 0 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("window " + window + " is not a 16-bit TCP window");
        }
        WindowMultiplier multiplier = WindowMultiplier.printed(windowAndScale[0]);
        if (!multiplier.found() && !windowAndScale[0].equals(Integer.toString(window))) {
            throw new IllegalArgumentException("raw_sig " + rawSig + " shows window " + windowAndScale[0]
                    + ", not " + window);
        }
        // the rest is sig syntax: the observed TTL stands in the initial TTL's place, the literal window in its own
        String asSig = String.join(":", f[0], f[1].substring(0, plus), f[2], f[3], window + "," + windowAndScale[1],
                f[5], f[6], f[7]);
        TcpSignature read;
        try {
            read = TcpSignatureParser.parse(new LineCursor("raw_sig", 1, asSig), null);
        } catch (SignatureSyntaxException e) {
            throw malformed(rawSig, e.getMessage());
        }
        if (read.payloadClass() == TcpSignature.ANY || read.wscale() == TcpSignature.ANY) {
            throw malformed(rawSig, "a payload class 0 or + and a numeric window scale");
        }
        int mss = read.mss() == TcpSignature.ANY ? P0fConfig.SPECIAL_MSS : read.mss(); // a sendsyn echo prints '*'
        return new TcpRawSignature(TcpSubject.of(read, mss, window, multiplier));
    }

    private static IllegalArgumentException malformed(String rawSig, String expected) {
        return new IllegalArgumentException("not a raw TCP signature (expected " + expected + "): " + rawSig);
    }
}
