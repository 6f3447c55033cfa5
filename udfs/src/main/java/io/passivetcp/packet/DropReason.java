package io.passivetcp.packet;

/**
 * Why {@link PacketDecoder#decode} did not keep a packet ({@link #NONE}: it did). One counter per value gives
 * the per-reason drop metrics; the p0f checks behind each value are those of spec §1.2-§1.5.
 */
public enum DropReason {
    /** Kept: a TCP packet that p0f would process. */
    NONE,
    /** The link-layer header could not be decoded (too short for it, or an impossible header). */
    LINK_UNKNOWN,
    /** Not IPv4 or IPv6 (ethertype, PPP protocol or IP version nibble). */
    NOT_IP,
    /** IP, but the transport protocol is not TCP. */
    NOT_TCP,
    /** IPv6 whose header chain holds something other than hop-by-hop, routing, destination options,
     *  authentication or a first fragment header before TCP (ESP, no-next-header, unknown). */
    IPV6_EXTENSION,
    /** Fewer bytes than p0f's minimum (40 for IPv4, 60 for IPv6, header plus 20 TCP bytes). */
    SHORT,
    /** The IP total length claims more bytes than were captured. */
    TRUNCATED,
    /** Impossible IP header length (IPv4 IHL below 5, or the header leaves no room for TCP). */
    BAD_IP_HEADER,
    /** An IPv4 fragment (MF set or non-zero offset), or a non-first IPv6 fragment. */
    FRAGMENT,
    /** TCP data offset below 20 bytes or beyond the IP payload. */
    BAD_TCP_HEADER,
    /** No SYN/ACK/FIN/RST flag, SYN with FIN or RST, or FIN with RST. */
    BAD_TCP_FLAGS;

    /**
     * Whether this outcome implies an IP packet carrying TCP, i.e. one that p0f's capture filter ({@code tcp})
     * would have let through and counted. Approximate at the link layer (VLAN depth, PPPoE): for the exact answer
     * per packet use {@link PacketDecoder#passedP0fFilter()}.
     */
    public boolean passesP0fFilter() {
        return switch (this) {
            case NONE, SHORT, TRUNCATED, BAD_IP_HEADER, FRAGMENT, BAD_TCP_HEADER, BAD_TCP_FLAGS -> true;
            default -> false;
        };
    }
}
