package io.passivetcp.host;

import io.passivetcp.Observation;
import io.passivetcp.P0fConfig;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.tcp.TcpSignature;

import java.util.function.Consumer;

/**
 * p0f's per-host bookkeeping (spec §6, §8.3–8.8): applies the {@link HostEvent}s of one host, in p0f's per-host
 * order, to its {@link HostState}, raising {@code uptime}, {@code host change} and {@code ip sharing}.
 *
 * <p>The parts of one event are applied in p0f's order: flow creation (touch), the TCP fingerprint's NAT scoring or
 * application check, the uptime sample, storing the SYN / SYN+ACK as the new reference, then the HTTP
 * fingerprint's scoring and updates. Stateless apart from its settings; thread-safe.
 */
public final class HostTracker {
    private final long hostIdleLimitSeconds;
    private final long uptimeLockLifetimeSeconds;

    /**
     * @param hostIdleLimitMinutes p0f's {@code -t ...,host_idle_limit}
     * @param connMaxAgeSeconds    p0f's {@code -t conn_max_age,...}: bounds how long a flow's uptime lock can matter
     */
    public HostTracker(long hostIdleLimitMinutes, long connMaxAgeSeconds) {
        this.hostIdleLimitSeconds = hostIdleLimitMinutes * 60;
        this.uptimeLockLifetimeSeconds = connMaxAgeSeconds + P0fConfig.MAX_TWAIT / 1000;
    }

    /** p0f's defaults ({@code -t 30,120}). */
    public HostTracker() {
        this(P0fConfig.HOST_IDLE_LIMIT, P0fConfig.CONN_MAX_AGE);
    }

    /**
     * Applies one event; returns the host state after it (null = forget the host; this tracker never forgets a
     * host it was given an event for), sending observations (uptime, host change, ip sharing) to {@code out} in
     * p0f's order.
     *
     * @param host the host's state before the event, or null when none is remembered
     */
    public HostState process(HostState host, HostEvent e, SignatureDatabase db, Consumer<Observation> out) {
        HostState h = hostBefore(host, e);
        if (h != null) {
            UptimeLocks.prune(h, e.tsSeconds, uptimeLockLifetimeSeconds);
        }
        return apply(h, e, db, out);
    }

    /**
     * Applies one event to a host that p0f's cache expiry has left alive (null = none remembered): for a caller
     * that runs the expiry itself ({@link #idleLongerThanLimit}) and tells when flows end ({@link #flowEnded}).
     */
    public HostState apply(HostState host, HostEvent e, SignatureDatabase db, Consumer<Observation> out) {
        HostState h = host == null ? HostState.created(e.tsSeconds) : host;
        if (e.touch) {
            h.lastSeen = e.tsSeconds;
            h.totalConn++;
        }
        if (e.tcpKind != HostEvent.NONE) {
            applyTcpFingerprint(h, e, db, out);
        }
        if (e.timestampSample) {
            String[] uptime = UptimeCheck.apply(h, e);
            if (uptime != null) {
                Observation o = observation(e, "uptime", EventStep.UPTIME, uptime);
                o.data = new Observation.Uptime(h.lastUpMin, h.upModDays, rawFrequency(uptime[3]));
                out.accept(o);
            }
        }
        if (e.tcpKind != HostEvent.NONE && !e.tcpApplication) {
            // Only now, after uptime used the previous one, does the fingerprint become the reference (§8.2).
            rememberTcpFingerprint(h, e);
        }
        if (e.httpKind != HostEvent.NONE) {
            HttpNatSignals.Alarms alarms = HttpNatSignals.apply(h, e, db);
            raise(alarms.applicationCheck(), e, EventStep.HTTP_APP_CHECK, out);
            raise(alarms.score(), e, EventStep.HTTP_NAT, out);
        }
        h.lastExpiryRun = e.expiryRun;
        h.lastCaptureId = e.captureId;
        return h;
    }

    /**
     * The state the event applies to. p0f destroys a host idle for longer than {@code host_idle_limit} at its
     * periodic cache expiry (spec §8.4); the event carries the capture's latest expiry run, and if one ran since
     * the host's previous event, it judged the host at that run's second. Only flow creation (touch) can find the
     * host destroyed: any other event comes from a live flow, and p0f never destroys a host a live flow references.
     */
    private HostState hostBefore(HostState host, HostEvent e) {
        return host != null && e.touch && expiredAt(host, e.captureId, e.expiryRun, e.expirySeconds) ? null : host;
    }

    /**
     * Whether p0f's expiry run {@code expiryRun}, at second {@code expirySeconds}, destroyed the host: it ran after
     * the host's latest event and found it idle for longer than {@code host_idle_limit}. (A live flow would have
     * kept it, but a flow as old as that idle time is destroyed by the same run, before the hosts.) Exact while the
     * capture's clock never steps back; where it does, p0f's run stops at the first host touched recently enough
     * (spec §8.4), which only a walk over all hosts sees. A run of another capture than the host's latest event
     * ({@code --state-scope global}) is another clock: a host touched after it is not idle.
     */
    public boolean expiredAt(HostState h, long captureId, long expiryRun, long expirySeconds) {
        return ExpiryClock.expiredAt(h.lastExpiryRun, h.lastCaptureId, h.lastSeen, hostIdleLimitSeconds, captureId,
                expiryRun, expirySeconds);
    }

    /**
     * p0f's test {@code now - last_seen > host_idle_limit * 60} in unsigned 32-bit seconds (spec §8.4): a host
     * touched "in the future", after the capture's clock stepped back, counts as idle for longer than any limit.
     */
    public boolean idleLongerThanLimit(HostState h, long nowSeconds) {
        return ExpiryClock.secondsSince(h.lastSeen, nowSeconds) > hostIdleLimitSeconds;
    }

    /**
     * Forgets the uptime locks of a flow that ended ({@code cli_tps / srv_tps} die with p0f's flow). Without this
     * call, {@link #process} forgets locks by their age, which a capture's clock jumping forward can cut short.
     */
    public static void flowEnded(HostState h, long flowId) {
        UptimeLocks.remove(h, flowId);
    }

    /** Spec §4.6: distance, then either the application check or NAT scoring with the OS memory update. */
    private static void applyTcpFingerprint(HostState h, HostEvent e, SignatureDatabase db, Consumer<Observation> out) {
        TcpSignature sig = db.tcpSignatureAtLine(e.tcpSignatureLine);
        if (sig == null || !sig.badTtl()) {
            h.distance = e.tcpDistance & 0xFF; // u8
        }
        NatScoreBoard.Alarm alarm;
        if (e.tcpApplication) {
            alarm = sig == null ? null : ApplicationCheck.check(h, e.subjectIsClient, sig.label().sys(), e.tsSeconds);
        } else {
            alarm = TcpNatSignals.apply(h, e, db);
        }
        raise(alarm, e, EventStep.TCP_NAT, out);
    }

    /** The measured frequency back from its printed form ({@code 1000.00 Hz}): what the log shows. */
    private static double rawFrequency(String printed) {
        return Double.parseDouble(printed.substring(0, printed.indexOf(' ')));
    }

    private static void rememberTcpFingerprint(HostState h, HostEvent e) {
        HostState.TcpRecord r = new HostState.TcpRecord();
        r.signatureLine = e.tcpSignatureLine;
        r.fuzzy = e.tcpFuzzy;
        r.distance = e.tcpDistance & 0xFF;
        r.quirks = e.quirks;
        r.layout = TcpNatSignals.layoutOf(e).clone();
        r.ttl = e.ttl;
        r.mss = e.mss;
        r.ts1 = e.ts1;
        r.recvMillis = e.millis();
        if (e.tcpKind == HostEvent.SYN) {
            h.lastSyn = r;
        } else {
            h.lastSynAck = r;
        }
    }

    private static void raise(NatScoreBoard.Alarm alarm, HostEvent e, int step, Consumer<Observation> out) {
        if (alarm != null) {
            out.accept(observation(e, alarm.module(), step, "reason", alarm.reason(), "raw_hits", alarm.rawHits()));
        }
    }

    /** An observation about the event's subject, positioned at the event's packet. */
    static Observation observation(HostEvent e, String module, int step, String... fields) {
        Observation o = new Observation(module, e.subjectIsClient, step, fields);
        o.copyContextFrom(e);
        return o;
    }
}
