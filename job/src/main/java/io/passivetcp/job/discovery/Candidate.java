package io.passivetcp.job.discovery;

import java.time.Instant;

import io.passivetcp.job.discovery.Evidence.Direction;

/**
 * A proposed signature line with its evidence.
 *
 * @param direction          SYN (tcp:request) or SYN+ACK (tcp:response)
 * @param sig                the {@code sig =} value
 * @param os                 the OS the User-Agents named most
 * @param osClass            the class the database gives that name (for the label)
 * @param claims             User-Agent OS claims on the signature's host windows
 * @param osClaims           of those, the claims naming {@code os}
 * @param supportHosts       addresses whose User-Agents named {@code os} in a window where they sent the signature
 * @param supportPackets     packets with the signature in those windows
 * @param hostsSeen          addresses that sent the signature at all
 * @param packetsSeen        packets with the signature at all
 * @param currentLabels      what the database answered for them, with counts
 * @param userAgentOs        all OS claims, with counts
 * @param userAgents         the most frequent User-Agents naming {@code os}, with counts
 * @param ja4                the most frequent JA4 of the supporting windows, with counts
 * @param mtu                the most frequent MTUs (and link names) of the supporting windows, with counts
 * @param distanceMin        the smallest hop distance of the signature's packets
 * @param distanceMax        the largest
 * @param exampleHosts       the supporting addresses with the most packets, with their counts
 * @param first              the first packet with the signature
 * @param last               the last
 */
record Candidate(Direction direction, String sig, String os, String osClass, long claims, long osClaims,
                 int supportHosts, long supportPackets, int hostsSeen, long packetsSeen, String currentLabels,
                 String userAgentOs, String userAgents, String ja4, String mtu, int distanceMin, int distanceMax,
                 String exampleHosts, Instant first, Instant last) {

    /** Share of the User-Agent OS claims that name {@link #os}. */
    double purity() {
        return (double) osClaims / claims;
    }

    /** The {@code label =} value: specific, the OS; the flavor is for the reviewer to fill in. */
    String label() {
        return "s:" + osClass + ":" + os + ":";
    }
}
