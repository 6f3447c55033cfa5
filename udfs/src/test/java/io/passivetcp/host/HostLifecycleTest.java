package io.passivetcp.host;

import static io.passivetcp.host.HostTestDb.syn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Spec §8.3–8.4: creation, touching, and idle expiry at p0f's every-50-packets cache expiry. */
class HostLifecycleTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final long IDLE_MS = 120 * 60 * 1000L;
    private static final int LINUX = syn("Linux 3.11 and newer");

    private final Host host = new Host(HostTestDb.DB);

    @Test
    void aHostIsCreatedAsP0fDoes() {
        host.apply(Ev.at(T0 + 999).touch());
        HostState h = host.state;
        assertEquals(T0 / 1000, h.firstSeen);
        assertEquals(T0 / 1000, h.lastSeen);
        assertEquals(1, h.totalConn);
        assertEquals(-1, h.lastClassId);
        assertEquals(-1, h.lastNameId);
        assertEquals(-1, h.httpNameId);
        assertEquals(-1, h.lastUpMin);
        assertEquals(255, h.distance);
        assertEquals(32, h.cliScores.length);
        assertEquals(32, h.srvScores.length);
        assertNull(h.lastSyn);
    }

    @Test
    void touchingMovesLastSeenAndCountsConnections() {
        host.apply(Ev.at(T0).touch());
        host.apply(Ev.at(T0 + 5000).ack(0)); // other events do not touch
        assertEquals(T0 / 1000, host.state.lastSeen);
        host.apply(Ev.at(T0 + 7000).touch());
        assertEquals(T0 / 1000 + 7, host.state.lastSeen);
        assertEquals(T0 / 1000, host.state.firstSeen);
        assertEquals(2, host.state.totalConn);
    }

    @Test
    void anEventForAnUnknownHostCreatesIt() {
        host.apply(Ev.at(T0).ack(5));
        assertNotNull(host.state);
        assertEquals(0, host.state.totalConn);
    }

    @Test
    void anIdleHostIsForgottenWhenAnExpiryRunFellSinceItsLastEvent() {
        host.apply(Ev.at(T0).touch().syn(LINUX).filterCount(10));
        host.state.cliScores[31] = 4;
        host.apply(Ev.at(T0 + IDLE_MS + 1000).touch().filterCount(60));
        assertEquals((T0 + IDLE_MS + 1000) / 1000, host.state.firstSeen);
        assertEquals(1, host.state.totalConn);
        assertNull(host.state.lastSyn);
        assertEquals(-1, host.state.lastNameId);
        assertEquals(0, host.state.cliScores[31]);
    }

    @Test
    void idleForExactlyTheLimitIsKept() {
        host.apply(Ev.at(T0).touch().filterCount(10));
        host.apply(Ev.at(T0 + IDLE_MS).touch().filterCount(60));
        assertEquals(2, host.state.totalConn);
    }

    @Test
    void withoutAnExpiryRunTheIdleHostSurvives() {
        host.apply(Ev.at(T0).touch().filterCount(50));
        host.apply(Ev.at(T0 + IDLE_MS + 1000).touch().filterCount(99));
        assertEquals(2, host.state.totalConn);
        // the run on packet 100 happens before packet 100 is processed
        host.apply(Ev.at(T0 + 2 * IDLE_MS + 2000).touch().filterCount(100));
        assertEquals(1, host.state.totalConn);
    }

    @Test
    void aHostOfALiveFlowIsNeverForgotten() {
        host.apply(Ev.at(T0).touch().syn(LINUX).filterCount(10));
        HostState before = host.state;
        host.apply(Ev.at(T0 + IDLE_MS + 1000).ack(9).filterCount(60)); // not a flow creation
        assertSame(before, host.state);
        assertEquals(50, host.state.lastExpiryRun);
    }

    @Test
    void aHostTouchedInTheFutureIsForgottenAtTheNextRunAfterTheClockStepsBack() {
        host.apply(Ev.at(T0 + 10_000).touch().filterCount(10));
        host.apply(Ev.at(T0).touch().filterCount(60)); // p0f: now - last_seen wraps in u32 (spec §8.4)
        assertEquals(1, host.state.totalConn);
        assertEquals(T0 / 1000, host.state.firstSeen);
    }

    @Test
    void theIdleLimitIsConfigurable() {
        Host quick = new Host(new HostTracker(1, 30), HostTestDb.DB);
        quick.apply(Ev.at(T0).touch().filterCount(1));
        quick.apply(Ev.at(T0 + 60_000).touch().filterCount(51));
        assertEquals(2, quick.state.totalConn);
        quick.apply(Ev.at(T0 + 121_000).touch().filterCount(101));
        assertEquals(1, quick.state.totalConn);
    }
}
