package io.passivetcp.job.discovery;

/**
 * One host in one evidence window: what its signatures are compared with is what the same address did in the same
 * window.
 *
 * @param address the subject address, as the tables print it
 * @param window  the UTC day ({@code YYYY-MM-DD}) or the capture, after {@link EvidenceWindow}
 */
record HostWindow(String address, String window) implements Comparable<HostWindow> {
    @Override
    public int compareTo(HostWindow o) {
        int c = address.compareTo(o.address);
        return c != 0 ? c : window.compareTo(o.window);
    }
}
