package io.passivetcp.host;

import static io.passivetcp.host.HostTestDb.syn;
import static io.passivetcp.host.HostTestDb.synAck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passivetcp.Observation;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Spec §6 as the host engine applies it: references, per-flow locks, host updates, observation fields. */
class HostUptimeTest {
    private static final long T0 = 1_700_000_010_000L;
    private static final int LINUX = syn("Linux 3.11 and newer");
    private static final int LINUX_SA = synAck("Linux 3.x");
    private static final String T44 = "mod=uptime|subj=cli|uptime=0 days 2 hrs 46 min (modulo 497 days)|raw_freq=99.60 Hz";

    private final Host client = new Host(HostTestDb.DB);

    @Test
    void synThenAckOfTheSameFlowReadsTheClock() {
        assertEquals(List.of(), client.apply(Ev.at(T0 + 1).touch().syn(LINUX).ts(1_000_000)));
        assertEquals(List.of(), client.apply(Ev.at(T0 + 3).ack(1_000_000))); // 0 ticks: no reading
        assertEquals(List.of(T44), client.apply(Ev.at(T0 + 503).ack(1_000_050)));
        assertEquals(166, client.state.lastUpMin);
        assertEquals(497, client.state.upModDays);
    }

    @Test
    void aSuccessfulReadingLocksTheFlowDirection() {
        client.apply(Ev.at(T0).touch().syn(LINUX).ts(1_000_000));
        assertEquals(List.of(T44), client.apply(Ev.at(T0 + 502).ack(1_000_050)));
        assertEquals(List.of(), client.apply(Ev.at(T0 + 1502).ack(1_000_150)));
        // another flow of the same host is not locked
        assertEquals(1, client.apply(Ev.at(T0 + 1602).flow(2).ack(1_000_160)).size());
    }

    @Test
    void aBadReadingOnAnAckLocksTheDirectionForGood() {
        // synthetic T46: 3000 Hz on the first ACK, then a plausible one that p0f no longer looks at
        client.apply(Ev.at(T0 + 1).touch().syn(LINUX).ts(7_000_000));
        assertEquals(List.of(), client.apply(Ev.at(T0 + 1002).ack(7_003_000)));
        assertEquals(List.of(), client.apply(Ev.at(T0 + 2002).ack(7_003_100)));
        assertEquals(-1, UptimeLocks.get(client.state, 1, true));
        assertEquals(-1, client.state.lastUpMin);
    }

    @Test
    void aBadReadingOnASynDoesNotLock() {
        client.apply(Ev.at(T0).flow(1).touch().syn(LINUX).ts(1_000_000));
        // second SYN 1 s later with a 3000 Hz jump: bad reading, not locked; it becomes the new reference
        assertEquals(List.of(), client.apply(Ev.at(T0 + 1000).flow(2).touch().syn(LINUX).ts(1_003_000)));
        assertEquals(0, UptimeLocks.get(client.state, 2, true));
        assertEquals(List.of("mod=uptime|subj=cli|uptime=0 days 0 hrs 16 min (modulo 49 days)|raw_freq=1000.00 Hz"),
                client.apply(Ev.at(T0 + 2000).flow(2).ack(1_004_000)));
    }

    @Test
    void aSynIsComparedWithTheHostsPreviousSyn() {
        // 09-ipv4-uptime-syn: SYN-to-SYN reading; the new SYN becomes last_syn only after the uptime check
        client.apply(Ev.at(T0).flow(1).touch().syn(LINUX).ts(900_000));
        List<String> out = client.apply(Ev.at(T0 + 2000).flow(2).ports(40002, 80).touch().syn(LINUX).ts(902_000));
        assertEquals(List.of("mod=uptime|subj=cli|uptime=0 days 0 hrs 15 min (modulo 49 days)|raw_freq=1000.00 Hz"),
                out);
        assertEquals(902_000, client.state.lastSyn.ts1);
        assertEquals(T0 + 2000, client.state.lastSyn.recvMillis);
    }

    @Test
    void aLaterSynReplacesTheReferenceOfOlderFlows() {
        client.apply(Ev.at(T0).flow(1).touch().syn(LINUX).ts(5_000_000)); // random offset per connection
        client.apply(Ev.at(T0 + 100).flow(2).touch().syn(LINUX).ts(100)); // bad SYN reading: not locked
        // flow 1's ACK is now compared with flow 2's SYN
        assertEquals(List.of("mod=uptime|subj=cli|uptime=0 days 0 hrs 0 min (modulo 49 days)|raw_freq=1000.00 Hz"),
                client.apply(Ev.at(T0 + 1100).flow(1).ack(1100)));
    }

    @Test
    void serverReadingsUseTheSynAckReference() {
        Host server = new Host(HostTestDb.DB);
        server.apply(Ev.at(T0).server().touch());
        server.apply(Ev.at(T0 + 1).server().synAck(LINUX_SA).ts(50_000_000));
        List<Observation> out = server.observe(Ev.at(T0 + 1001).server().ack(50_001_000).build());
        assertEquals(1, out.size());
        Observation o = out.get(0);
        assertEquals("mod=uptime|subj=srv|uptime=0 days 13 hrs 53 min (modulo 49 days)|raw_freq=1000.00 Hz",
                Host.render(o));
        assertEquals(EventStep.UPTIME, o.step);
        assertEquals(1000, UptimeLocks.get(server.state, 1, false));
        assertEquals(0, UptimeLocks.get(server.state, 1, true));
    }

    @Test
    void noReferenceOrNoTimestampOnTheReferenceMeansNoReading() {
        client.apply(Ev.at(T0).touch().syn(LINUX)); // SYN without timestamps
        assertEquals(List.of(), client.apply(Ev.at(T0 + 1000).ack(1000)));
        Host fresh = new Host(HostTestDb.DB);
        assertEquals(List.of(), fresh.apply(Ev.at(T0).ack(1000)));
        assertTrue(fresh.state.lastSyn == null);
    }

    @Test
    void anApplicationSynIsNeverAReference() {
        client.apply(Ev.at(T0).flow(1).touch().syn(LINUX).ts(1_000_000));
        client.apply(Ev.at(T0 + 10).flow(2).touch().syn(syn("NMap SYN scan")).application().ts(9));
        assertEquals(1_000_000, client.state.lastSyn.ts1);
    }

    @Test
    void observationCarriesThePacketPositionAndTheFlow() {
        client.apply(Ev.at(T0).touch().syn(LINUX).ts(1_000_000));
        HostEvent e = Ev.at(T0 + 502).ports(41000, 8080).ack(1_000_050).build();
        Observation o = client.observe(e).get(0);
        assertEquals(e.tsMicros, o.tsMicros);
        assertEquals(e.tsSeconds, o.tsSeconds);
        assertEquals(e.orderMicros, o.orderMicros);
        assertEquals(e.captureId, o.captureId);
        assertEquals(e.capture, o.capture);
        assertEquals(e.ordinal, o.ordinal);
        assertEquals(4, o.ipVersion);
        assertEquals(41000, o.clientPort);
        assertEquals(8080, o.serverPort);
        assertTrue(o.subjectIsClient);
        assertEquals("uptime", o.module);
    }

    @Test
    void locksArePrunedAfterTheFlowCannotMatterAnyMore() {
        client.apply(Ev.at(T0).touch().syn(LINUX).ts(1_000_000));
        client.apply(Ev.at(T0 + 502).ack(1_000_050));
        assertEquals(1, client.state.tpsFlowIds.length);
        client.apply(Ev.at(T0 + 630_000).flow(3).touch()); // 30 s + 600 s later: still kept
        assertEquals(1, client.state.tpsFlowIds.length);
        client.apply(Ev.at(T0 + 631_000).flow(3).touch());
        assertEquals(0, client.state.tpsFlowIds.length);
        assertEquals(0, client.state.tpsValues.length);
    }

    @Test
    void oneHostAsClientAndServerOfTheSameFlowKeepsTwoLocks() {
        client.apply(Ev.at(T0).touch().syn(LINUX).ts(1_000_000));
        client.apply(Ev.at(T0 + 1).server().synAck(LINUX_SA).ts(2_000_000));
        assertEquals(1, client.apply(Ev.at(T0 + 1001).ack(1_001_000)).size());
        assertEquals(1, client.apply(Ev.at(T0 + 1002).server().ack(2_001_000)).size());
        assertEquals(2, client.state.tpsFlowIds.length);
    }
}
