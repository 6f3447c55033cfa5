package io.passivetcp.mtu;

import io.passivetcp.P0fConfig;
import io.passivetcp.packet.TcpPacket;
import io.passivetcp.signature.SignatureDatabase;

/** The {@code mtu} observation (spec §5): MTU implied by the MSS, looked up in the {@code [mtu]} table. */
public final class MtuMatcher {
    /** Printed link when no {@code [mtu]} entry has the value. */
    public static final String UNKNOWN = "???";

    private MtuMatcher() {}

    /**
     * {@code mss + 40} for IPv4, {@code mss + 60} for IPv6: p0f adds the minimal header sizes, whatever IP or TCP
     * options the packet really carries.
     */
    public static int rawMtu(TcpPacket p) {
        return p.mss + (p.ipVersion == 4 ? P0fConfig.MIN_TCP4 : P0fConfig.MIN_TCP6);
    }

    /** The first {@code [mtu]} label listing exactly {@code rawMtu}, or {@link #UNKNOWN}. */
    public static String link(SignatureDatabase db, int rawMtu) {
        String link = db.mtuLink(rawMtu);
        return link == null ? UNKNOWN : link;
    }
}
