package io.passivetcp.capture;

/**
 * Link-layer header types as stored in capture files (tcpdump.org "LINKTYPE_*" values), named after libpcap.
 *
 * <p>Only the types the packet decoder handles specially, plus a few common ones for {@link #name}, are listed;
 * every other value is still passed through and decoded by p0f's offset auto-detection.
 */
public final class LinkType {
    private LinkType() {}

    /** BSD loopback: 4-byte address family in the capturing host's byte order. */
    public static final int NULL = 0;
    /** Ethernet (libpcap {@code DLT_EN10MB}). */
    public static final int EN10MB = 1;
    /** Serial line IP. */
    public static final int SLIP = 8;
    /** PPP, optionally with HDLC address/control bytes. */
    public static final int PPP = 9;
    /** FDDI. */
    public static final int FDDI = 10;
    /** Raw IP as some old libpcaps wrote {@code DLT_RAW} (value 12 on most systems). */
    public static final int DLT_RAW_12 = 12;
    /** Raw IP as OpenBSD writes {@code DLT_RAW} (value 14). */
    public static final int DLT_RAW_14 = 14;
    /** PPP in HDLC-like framing, RFC 1662 (libpcap {@code DLT_PPP_SERIAL}). */
    public static final int PPP_HDLC = 50;
    /** PPPoE session: 6-byte PPPoE header, then a 2-byte PPP protocol. */
    public static final int PPP_ETHER = 51;
    /** Raw IPv4 or IPv6, version nibble first. */
    public static final int RAW = 101;
    /** Cisco HDLC: address, control, 2-byte ethertype. */
    public static final int C_HDLC = 104;
    /** IEEE 802.11 without radio header. */
    public static final int IEEE802_11 = 105;
    /** Frame relay. */
    public static final int FRELAY = 107;
    /** OpenBSD loopback: 4-byte address family in network byte order. */
    public static final int LOOP = 108;
    /** Linux "cooked" capture v1, 16-byte header. */
    public static final int LINUX_SLL = 113;
    /** OpenBSD pflog. */
    public static final int PFLOG = 117;
    /** IEEE 802.11 with radiotap header. */
    public static final int IEEE802_11_RADIOTAP = 127;
    /** ARCnet, Linux style. */
    public static final int ARCNET_LINUX = 129;
    /** Per-Packet Information header. */
    public static final int PPI = 192;
    /** Raw IPv4 only. */
    public static final int IPV4 = 228;
    /** Raw IPv6 only. */
    public static final int IPV6 = 229;
    /** Linux netfilter log. */
    public static final int NFLOG = 239;
    /** Linux "cooked" capture v2, 20-byte header. */
    public static final int LINUX_SLL2 = 276;

    /** libpcap's name of a link type, e.g. {@code EN10MB}, or {@code LINKTYPE_<n>} when not listed here. */
    public static String name(int linkType) {
        return switch (linkType) {
            case NULL -> "NULL";
            case EN10MB -> "EN10MB";
            case SLIP -> "SLIP";
            case PPP -> "PPP";
            case FDDI -> "FDDI";
            case DLT_RAW_12, DLT_RAW_14 -> "RAW(DLT " + linkType + ")";
            case PPP_HDLC -> "PPP_HDLC";
            case PPP_ETHER -> "PPP_ETHER";
            case RAW -> "RAW";
            case C_HDLC -> "C_HDLC";
            case IEEE802_11 -> "IEEE802_11";
            case FRELAY -> "FRELAY";
            case LOOP -> "LOOP";
            case LINUX_SLL -> "LINUX_SLL";
            case PFLOG -> "PFLOG";
            case IEEE802_11_RADIOTAP -> "IEEE802_11_RADIOTAP";
            case ARCNET_LINUX -> "ARCNET_LINUX";
            case PPI -> "PPI";
            case IPV4 -> "IPV4";
            case IPV6 -> "IPV6";
            case NFLOG -> "NFLOG";
            case LINUX_SLL2 -> "LINUX_SLL2";
            default -> "LINKTYPE_" + linkType;
        };
    }
}
