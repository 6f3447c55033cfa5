package io.passivetcp.live;

import java.io.Serializable;

import io.passivetcp.P0fConfig;

/**
 * How an interface is captured.
 *
 * @param bpf a libpcap filter expression applied in the kernel ({@code --bpf}), or null for every packet
 * @param promiscuous put the interface into promiscuous mode ({@code --promisc})
 * @param snaplen bytes kept of each frame ({@code --snaplen}); p0f's own is {@link P0fConfig#SNAPLEN}
 */
public record CaptureSettings(String bpf, boolean promiscuous, int snaplen) implements Serializable {
    /** Every packet, not promiscuous, p0f's snap length. */
    public static final CaptureSettings DEFAULT = new CaptureSettings(null, false, P0fConfig.SNAPLEN);
}
