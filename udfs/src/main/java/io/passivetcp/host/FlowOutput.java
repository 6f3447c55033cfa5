package io.passivetcp.host;

import io.passivetcp.Observation;

/** Where the flow dispatch sends its results: events to print, and facts for the hosts' state. */
public interface FlowOutput {
    void observation(Observation o);

    void hostEvent(HostEvent e);
}
