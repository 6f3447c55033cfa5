package io.passivetcp.tcp;

import io.passivetcp.packet.TcpPacket;

/**
 * What {@link TcpMatcher} holds against the database sigs (p0f's {@code struct tcp_sig} on the left of
 * {@code tcp_find_match}): a packet, or, for load-time duplicate detection, a newly read sig playing the packet.
 */
final class TcpSubject {
    /** 4 or 6; {@link TcpSignature#ANY} for a {@code *} sig in duplicate detection. */
    final int ipVersion;
    final int ttl;
    final int olen;
    final int quirks;
    /** MSS; {@link TcpSignature#ANY} only for a sig (then accepted only by a wildcard). */
    final int mss;
    final int wscale;
    /** 0 / 1 (payload present) / {@link TcpSignature#ANY}. */
    final int payloadClass;
    /** Always {@link WindowType#LITERAL} for packets; a sig's own type in duplicate detection. */
    final WindowType windowType;
    final int window;
    final WindowMultiplier multiplier;
    final byte[] layout;
    final int layoutLength;
    final int eolPad;

    private TcpSubject(int ipVersion, int ttl, int olen, int quirks, int mss, int wscale, int payloadClass,
            WindowType windowType, int window, WindowMultiplier multiplier, byte[] layout, int layoutLength,
            int eolPad) {
        this.ipVersion = ipVersion;
        this.ttl = ttl;
        this.olen = olen;
        this.quirks = quirks;
        this.mss = mss;
        this.wscale = wscale;
        this.payloadClass = payloadClass;
        this.windowType = windowType;
        this.window = window;
        this.multiplier = multiplier;
        this.layout = layout;
        this.layoutLength = layoutLength;
        this.eolPad = eolPad;
    }

    /** p0f's {@code packet_to_sig}; the layout array is shared, not copied (the subject lives for one call). */
    static TcpSubject of(TcpPacket p, int synMss) {
        return new TcpSubject(p.ipVersion, p.ttl, p.olen, p.quirks, p.mss, p.wscale, p.payLen > 0 ? 1 : 0,
                WindowType.LITERAL, p.win, WindowMultiplier.of(p, synMss), p.layout, p.layoutLength, p.eolPad);
    }

    /**
     * A printed raw_sig read as sig syntax ({@link TcpRawSignature}): its initial TTL is the observed TTL, and the
     * window and its multiple are the packet's.
     */
    static TcpSubject of(TcpSignature raw, int mss, int window, WindowMultiplier multiplier) {
        byte[] layout = new byte[raw.layoutLength()];
        for (int i = 0; i < layout.length; i++) {
            layout[i] = (byte) raw.layoutKind(i);
        }
        return new TcpSubject(raw.ipVersion(), raw.ittl(), raw.olen(), raw.quirks(), mss, raw.wscale(),
                raw.payloadClass(), WindowType.LITERAL, window, multiplier, layout, layout.length, raw.eolPad());
    }

    /**
     * A new database sig as p0f feeds it to {@code tcp_find_match} in duplicate mode: no timestamp, header length
     * 0, no SYN MSS; multiples are computed only for a literal window (with the sig's MSS, if any).
     */
    static TcpSubject of(TcpSignature s) {
        byte[] layout = new byte[s.layoutLength()];
        for (int i = 0; i < layout.length; i++) {
            layout[i] = (byte) s.layoutKind(i);
        }
        WindowMultiplier multiplier = s.windowType() == WindowType.LITERAL
                ? WindowMultiplier.detect(s.window(), s.mss(), 0, 0, s.ipVersion() == 6, 0)
                : WindowMultiplier.NONE;
        return new TcpSubject(s.ipVersion(), s.ittl(), s.olen(), s.quirks(), s.mss(), s.wscale(), s.payloadClass(),
                s.windowType(), s.window(), multiplier, layout, layout.length, s.eolPad());
    }
}
