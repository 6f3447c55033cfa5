package io.passivetcp.packet;

/** What the IP layer hands to the TCP layer; one reused instance per decoder. */
final class IpHeader {
    /** Absolute offset of the TCP header. */
    int tcpOffset;
    /** Bytes from the TCP header to the end of the IP packet (p0f's R: total length minus IP header). */
    int tcpRoom;
    /** IP header length including IPv4 options or walked IPv6 extension headers. */
    int headerLength;
    /** The protocol field (IPv6: next header, or next header after a fragment header) says TCP. */
    boolean protocolTcp;
    /** Why an IPv6 header chain could not be followed to TCP. */
    DropReason chainDrop = DropReason.NONE;
}
