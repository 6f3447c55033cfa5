package io.passivetcp.packet;

import io.passivetcp.capture.LinkType;

/**
 * Finds the IP header behind a frame's link-layer header (spec §1.2, with the BUG-13 misreadings fixed).
 *
 * <p>Known link types are decoded from their real header: Ethernet with any stack of VLAN tags and PPPoE, Linux
 * cooked v1/v2, BSD/OpenBSD loopback, PPP with or without HDLC framing, Cisco HDLC, PPPoE, pflog, 802.11. Every
 * other link type gets p0f's auto-detection: scan the first packet for something that looks like an IPv4/IPv6
 * TCP header, re-run on later packets until it succeeds, and parse from byte 0 while it has not (p0f's
 * subtraction of 4 for a preceding "0x8100" is not copied: it is the BUG-13 "VLAN fix").
 *
 * <p>One instance per capture: it holds the auto-detected offset. {@link #ipOffset} returns the offset of the IP
 * header, or -1 with {@link #reason()} saying why there is none.
 */
final class LinkDecoder {
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_IPV6 = 0x86DD;
    static final int ETHERTYPE_VLAN = 0x8100;
    static final int ETHERTYPE_QINQ = 0x88A8;
    /** Pre-standard QinQ tag still seen on some switches. */
    static final int ETHERTYPE_QINQ_OLD = 0x9100;
    static final int ETHERTYPE_PPPOE_SESSION = 0x8864;
    /** More tags than this is not a real frame; stops a walk through a frame of tag-looking bytes. */
    static final int MAX_VLAN_TAGS = 8;
    static final int VLAN_TAG_LENGTH = 4;
    static final int PPPOE_HEADER_LENGTH = 6;
    static final int PPP_IPV4 = 0x0021;
    static final int PPP_IPV6 = 0x0057;
    static final int HDLC_ADDRESS_ALL = 0xFF;
    static final int HDLC_CONTROL_UI = 0x03;
    static final int CISCO_HDLC_UNICAST = 0x0F;
    static final int CISCO_HDLC_MULTICAST = 0x8F;
    static final int ETHERNET_TYPE_OFFSET = 12;
    static final int SLL_TYPE_OFFSET = 14;
    static final int SLL_HEADER_LENGTH = 16;
    static final int SLL2_HEADER_LENGTH = 20;
    static final int LOOPBACK_HEADER_LENGTH = 4;
    /** p0f's fixed 802.11 offset: 24-byte data frame header plus 8-byte LLC/SNAP. */
    static final int IEEE802_11_OFFSET = 32;
    /** BSD address family values libpcap's filter accepts on NULL/LOOP links (AF_INET; BSD AF_INET6 variants). */
    private static final int AF_INET = 2;
    private static final int[] AF_INET6_BSD = {24, 28, 30};

    private int autoOffset = -1;
    private DropReason reason = DropReason.NONE;
    private boolean p0fFraming;
    private int vlanTags;
    private boolean pppoe;

    /**
     * The IP offset p0f 3.09b assumes for a link type (spec §1.2 table), or -1 where it auto-detects.
     */
    static int p0fFixedOffset(int linkType) {
        return switch (linkType) {
            case LinkType.RAW, LinkType.DLT_RAW_12, LinkType.DLT_RAW_14 -> 0;
            case LinkType.NULL, LinkType.PPP -> 4;
            case LinkType.LOOP, LinkType.PPP_HDLC, LinkType.PPP_ETHER -> 8;
            case LinkType.EN10MB -> 14;
            case LinkType.LINUX_SLL -> 16;
            case LinkType.PFLOG -> 28;
            case LinkType.IEEE802_11 -> IEEE802_11_OFFSET;
            default -> -1;
        };
    }

    /** Why the last {@link #ipOffset} call returned -1. */
    DropReason reason() {
        return reason;
    }

    /**
     * Whether the last frame used the encapsulation that p0f's capture filter looks at ({@code tcp}, plus one VLAN
     * tag on Ethernet), i.e. libpcap would have found its IP header; used to count packets as p0f does.
     */
    boolean p0fFraming() {
        return p0fFraming;
    }

    /** Offset of the IP header in {@code b[0..len)}, or -1 (see {@link #reason()}). */
    int ipOffset(int linkType, byte[] b, int len) {
        p0fFraming = true;
        vlanTags = 0;
        pppoe = false;
        return switch (linkType) {
            case LinkType.RAW, LinkType.DLT_RAW_12, LinkType.DLT_RAW_14, LinkType.IPV4, LinkType.IPV6 -> 0;
            case LinkType.EN10MB -> ethernet(b, len);
            case LinkType.LINUX_SLL -> cooked(b, len, SLL_TYPE_OFFSET, SLL_HEADER_LENGTH);
            case LinkType.LINUX_SLL2 -> cooked(b, len, 0, SLL2_HEADER_LENGTH);
            case LinkType.NULL, LinkType.LOOP -> loopback(linkType, b, len);
            case LinkType.PPP -> pppWithOptionalHdlc(b, len);
            case LinkType.PPP_HDLC -> isCiscoHdlc(b, len) ? ciscoHdlc(b, len) : pppWithOptionalHdlc(b, len);
            case LinkType.C_HDLC -> ciscoHdlc(b, len);
            case LinkType.PPP_ETHER -> pppProtocol(b, len, PPPOE_HEADER_LENGTH);
            case LinkType.PFLOG -> pflog(b, len);
            case LinkType.IEEE802_11 -> fixed(len, IEEE802_11_OFFSET);
            default -> autoDetected(b, len);
        };
    }

    /** Ethernet II: dst(6) src(6) type(2); type may be a VLAN tag TPID, followed by TCI(2) and the next type. */
    private int ethernet(byte[] b, int len) {
        if (len < ETHERNET_TYPE_OFFSET + 2) {
            return drop(DropReason.LINK_UNKNOWN);
        }
        int off = etherPayload(b, len, Bytes.u16(b, ETHERNET_TYPE_OFFSET), ETHERNET_TYPE_OFFSET + 2);
        // p0f's filter is "tcp or (vlan and tcp)": at most one tag, no PPPoE
        p0fFraming = vlanTags <= 1 && !pppoe;
        return off;
    }

    /** Linux cooked capture: v1 has the protocol at 14 of a 16-byte header, v2 at 0 of a 20-byte one. */
    private int cooked(byte[] b, int len, int typeOffset, int headerLength) {
        if (len < headerLength) {
            return drop(DropReason.LINK_UNKNOWN);
        }
        int off = etherPayload(b, len, Bytes.u16(b, typeOffset), headerLength);
        p0fFraming = vlanTags == 0 && !pppoe;
        return off;
    }

    /**
     * Follows an ethertype whose payload starts at {@code payload} through VLAN tags ({@code TCI(2) type(2)}
     * each) and a PPPoE session header ({@code ver/type(1) code(1) session(2) length(2)} + PPP protocol(2)).
     */
    private int etherPayload(byte[] b, int len, int type, int payload) {
        while (type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_OLD) {
            if (vlanTags == MAX_VLAN_TAGS || payload + VLAN_TAG_LENGTH > len) {
                return drop(DropReason.LINK_UNKNOWN);
            }
            type = Bytes.u16(b, payload + 2);
            payload += VLAN_TAG_LENGTH;
            vlanTags++;
        }
        if (type == ETHERTYPE_IPV4 || type == ETHERTYPE_IPV6) {
            return payload;
        }
        if (type == ETHERTYPE_PPPOE_SESSION) {
            pppoe = true;
            return pppProtocol(b, len, payload + PPPOE_HEADER_LENGTH);
        }
        return drop(DropReason.NOT_IP);
    }

    /** PPP: optional HDLC address/control {@code FF 03}, then the protocol. */
    private int pppWithOptionalHdlc(byte[] b, int len) {
        boolean hdlc = len >= 2 && Bytes.u8(b, 0) == HDLC_ADDRESS_ALL && Bytes.u8(b, 1) == HDLC_CONTROL_UI;
        int off = pppProtocol(b, len, hdlc ? 2 : 0);
        // libpcap's filter expects the 2-byte protocol at offset 2
        p0fFraming = hdlc && off == 4;
        return off;
    }

    /** PPP protocol field at {@code off}: 2 bytes, or 1 byte when compressed (RFC 1661: odd first byte). */
    private int pppProtocol(byte[] b, int len, int off) {
        if (off >= len) {
            return drop(DropReason.LINK_UNKNOWN);
        }
        int protocol;
        if ((b[off] & 1) != 0) {
            protocol = Bytes.u8(b, off);
            off += 1;
        } else if (off + 2 <= len) {
            protocol = Bytes.u16(b, off);
            off += 2;
        } else {
            return drop(DropReason.LINK_UNKNOWN);
        }
        return protocol == PPP_IPV4 || protocol == PPP_IPV6 ? off : drop(DropReason.NOT_IP);
    }

    private static boolean isCiscoHdlc(byte[] b, int len) {
        return len >= 1 && (Bytes.u8(b, 0) == CISCO_HDLC_UNICAST || Bytes.u8(b, 0) == CISCO_HDLC_MULTICAST);
    }

    /** Cisco HDLC: address(1) control(1) ethertype(2). */
    private int ciscoHdlc(byte[] b, int len) {
        if (len < 4) {
            return drop(DropReason.LINK_UNKNOWN);
        }
        int off = etherPayload(b, len, Bytes.u16(b, 2), 4);
        p0fFraming = vlanTags == 0 && !pppoe;
        return off;
    }

    /**
     * NULL (host-order) and LOOP (network-order) 4-byte address family. Its values differ between operating
     * systems, so the IP version nibble that follows decides; the family only matters for p0f's filter.
     */
    private int loopback(int linkType, byte[] b, int len) {
        if (len < LOOPBACK_HEADER_LENGTH) {
            return drop(DropReason.LINK_UNKNOWN);
        }
        long network = Bytes.u32(b, 0);
        long swapped = Integer.toUnsignedLong(Integer.reverseBytes((int) network));
        p0fFraming = isFilterFamily(network) || (linkType == LinkType.NULL && isFilterFamily(swapped));
        return LOOPBACK_HEADER_LENGTH;
    }

    private static boolean isFilterFamily(long af) {
        return af == AF_INET || af == AF_INET6_BSD[0] || af == AF_INET6_BSD[1] || af == AF_INET6_BSD[2];
    }

    /** pflog: the first byte is the header length, padded to 4 bytes (libpcap BPF_WORDALIGN). */
    private int pflog(byte[] b, int len) {
        if (len < 1 || Bytes.u8(b, 0) < 4) {
            return drop(DropReason.LINK_UNKNOWN);
        }
        return fixed(len, (Bytes.u8(b, 0) + 3) & ~3);
    }

    private int fixed(int len, int offset) {
        return len < offset ? drop(DropReason.LINK_UNKNOWN) : offset;
    }

    /** Unknown link type: p0f's detected offset, looked for again on each packet until found; 0 meanwhile. */
    private int autoDetected(byte[] b, int len) {
        if (autoOffset < 0) {
            autoOffset = findOffset(b, len);
        }
        return autoOffset < 0 ? 0 : Math.min(autoOffset, len);
    }

    /**
     * p0f's {@code find_offset}: the first even offset below 40 where an IPv6 header announcing TCP (needs 60
     * bytes from there) or an IPv4 header with protocol TCP (needs 40) starts. Without the VLAN adjustment.
     */
    static int findOffset(byte[] b, int len) {
        int remaining = len;
        for (int i = 0; i < 40; i += 2) {
            if (remaining < 40) {
                return -1;
            }
            if (remaining >= 60 && Bytes.highNibble(b, i) == 6 && Bytes.u8(b, i + 6) == 6) {
                return i;
            }
            if (Bytes.highNibble(b, i) == 4 && Bytes.u8(b, i + 9) == 6) {
                return i;
            }
            remaining -= 2;
        }
        return -1;
    }

    private int drop(DropReason why) {
        reason = why;
        return -1;
    }
}
