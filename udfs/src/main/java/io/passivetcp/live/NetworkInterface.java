package io.passivetcp.live;

import java.util.List;

/**
 * An interface libpcap can capture on, as {@code -L} lists it.
 *
 * @param name what {@code -i} takes
 * @param description libpcap's description, or null
 * @param addresses its IPv4 and IPv6 addresses, as text
 * @param loopback whether it is a loopback interface
 * @param up whether it is up
 */
public record NetworkInterface(String name, String description, List<String> addresses, boolean loopback,
        boolean up) {}
