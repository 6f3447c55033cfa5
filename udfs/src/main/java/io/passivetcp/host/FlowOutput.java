package io.passivetcp.host;

import io.passivetcp.Observation;

/** Where the flow dispatch sends its results: events to print, and facts for the hosts' state. */
public interface FlowOutput {
    void observation(Observation o);

    void hostEvent(HostEvent e);

    /**
     * A connection summary ({@link Observation#CONNECTION}) at the end of a flow: not a p0f event, so it has its own
     * channel, which p0f-compatible consumers ignore (the default).
     */
    default void connection(Observation o) {}
}
