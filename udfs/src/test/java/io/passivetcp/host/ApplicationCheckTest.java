package io.passivetcp.host;

import static io.passivetcp.host.HostTestDb.syn;
import static io.passivetcp.host.HostTestDb.synAck;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.passivetcp.Observation;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Spec §8.7 for TCP application sigs (§4.6.3): judged against the host's OS memory, then discarded. */
class ApplicationCheckTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final int NMAP = syn("NMap SYN scan"); // sys = @unix
    private static final int WIN_TOOL = syn("WinTool 1.x"); // sys = Windows
    private static final int LINUX = syn("Linux 3.11 and newer");
    private static final int WINDOWS = syn("Windows 7 or 8");

    private final Host host = new Host(HostTestDb.DB);

    @Test
    void nothingIsJudgedWhileNoOsIsKnown() {
        assertEquals(List.of(), host.apply(Ev.at(T0).touch().syn(NMAP).application()));
        assertArrayEquals(new int[32], host.state.cliScores);
        assertEquals(0, host.state.natReasons);
    }

    @Test
    void anApplicationOfTheHostsClassAddsAZeroEntry() {
        host.apply(Ev.at(T0).touch().syn(LINUX));
        host.state.cliScores[31] = 5; // marks the history so that a shift is visible
        assertEquals(List.of(), host.apply(Ev.at(T0 + 1000).flow(2).touch().syn(NMAP).application()));
        assertEquals(5, host.state.cliScores[30]);
        assertEquals(0, host.state.cliScores[31]);
    }

    @Test
    void anApplicationOfTheHostsOsNameAddsAZeroEntry() {
        host.apply(Ev.at(T0).touch().syn(WINDOWS));
        assertEquals(List.of(), host.apply(Ev.at(T0 + 1000).flow(2).touch().syn(WIN_TOOL).application()));
    }

    @Test
    void anApplicationForAnotherOsScoresAppVsOs() {
        host.apply(Ev.at(T0).touch().syn(WINDOWS));
        List<Observation> out = host.observe(Ev.at(T0 + 1000).flow(2).touch().syn(NMAP).application().build());
        assertEquals(1, out.size());
        assertEquals("mod=host change|subj=cli|reason=app_vs_os|raw_hits=0,1,1,1", Host.render(out.get(0)));
        assertEquals(EventStep.TCP_NAT, out.get(0).step);
    }

    @Test
    void theApplicationFingerprintIsDiscarded() {
        host.apply(Ev.at(T0).touch().syn(WINDOWS).ttl(128).dist(2));
        HostState.TcpRecord before = host.state.lastSyn;
        host.apply(Ev.at(T0 + 1000).flow(2).touch().syn(NMAP).application().ttl(50).dist(14));
        assertEquals(before, host.state.lastSyn);
        assertEquals(HostTestDb.DB.tcpSignatureAtLine(WINDOWS).label().nameId(), host.state.lastNameId);
        assertEquals(0, host.state.lastPort - 40000); // the SYN before set it; the application SYN does not
        assertEquals(2, host.state.distance); // NMap's sigs are bad-TTL ones: distance untouched
    }

    @Test
    void serverSideApplicationUsesTheServerHistory() {
        host.apply(Ev.at(T0).server().touch().synAck(synAck("Windows XP")));
        host.apply(Ev.at(T0 + 1).server().synAck(-1)); // something else, no score
        host.apply(Ev.at(T0 + 2).server().synAck(NMAP).application()); // a request sig, but only sys matters
        assertEquals(4, host.state.srvScores[31]);
        assertEquals(0, host.state.cliScores[31]);
    }
}
