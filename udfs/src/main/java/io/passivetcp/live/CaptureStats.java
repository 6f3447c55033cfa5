package io.passivetcp.live;

/**
 * libpcap's counters of one capture ({@code pcap_stats}), since it was opened.
 *
 * @param received packets the filter accepted ({@code ps_recv})
 * @param dropped packets dropped because the buffer was full: the reader did not keep up ({@code ps_drop})
 * @param interfaceDropped packets the interface or its driver dropped ({@code ps_ifdrop})
 */
public record CaptureStats(long received, long dropped, long interfaceDropped) {
    public static final CaptureStats NONE = new CaptureStats(0, 0, 0);
}
