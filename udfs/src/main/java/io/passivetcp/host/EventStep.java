package io.passivetcp.host;

import io.passivetcp.Observation;

/**
 * {@link Observation#step} values of the events the host engine raises: their place among one packet's events in
 * p0f's print order (spec §8.9). The flow function prints steps 0 (fingerprint), 2 (mtu) and 4 (http line).
 */
public final class EventStep {
    /** NAT event of a SYN / SYN+ACK, or of the application check of a TCP application sig. */
    public static final int TCP_NAT = Observation.STEP_TCP_NAT;
    public static final int UPTIME = Observation.STEP_UPTIME;
    /** Event of the application-versus-OS check of an HTTP application match (before the HTTP score's). */
    public static final int HTTP_APP_CHECK = Observation.STEP_HTTP_APP_CHECK;
    public static final int HTTP_NAT = Observation.STEP_HTTP_NAT;

    private EventStep() {}
}
