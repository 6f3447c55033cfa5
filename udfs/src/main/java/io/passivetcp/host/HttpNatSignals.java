package io.passivetcp.host;

import io.passivetcp.P0fConfig;
import io.passivetcp.http.HttpSignature;
import io.passivetcp.http.UserAgentOs;
import io.passivetcp.signature.Label;
import io.passivetcp.signature.SignatureDatabase;

/**
 * p0f's HTTP NAT signals ({@code score_nat} of fp_http.c, spec §8.8) and the host updates that follow an HTTP
 * fingerprint (§7.9). The subject is the client for a request, the server for a response.
 */
final class HttpNatSignals {
    private static final int P0F_MATCH_GENERIC = 2;
    private static final int BAD_SW_UA_MISMATCH = 1;
    private static final int BAD_SW_DISHONEST = 2;

    private HttpNatSignals() {}

    /**
     * The events one HTTP fingerprint causes, in print order.
     *
     * @param applicationCheck from the application-versus-OS check of an application match, or null
     * @param score            from the fingerprint's own score, or null
     */
    record Alarms(NatScoreBoard.Alarm applicationCheck, NatScoreBoard.Alarm score) {}

    /** Scores the event's HTTP fingerprint against the host, then remembers it (spec §8.8, §7.9). */
    static Alarms apply(HostState h, HostEvent e, SignatureDatabase db) {
        boolean request = e.httpKind == HostEvent.REQUEST;
        HttpSignature m = db.httpSignatureAtLine(e.httpSignatureLine);
        HostState.HttpRecord ref = request ? h.httpReqOs : (h.httpRespPort == e.serverPort ? h.httpResp : null);
        HttpSignature refMatch = ref == null ? null : db.httpSignatureAtLine(ref.signatureLine);

        NatScoreBoard.Alarm appCheck = null;
        NatScore s = new NatScore();
        if (m == null) {
            if (!request && refMatch != null) {
                s.add(NatReason.X_KNOWN, 4); // a server going from known to unknown
            }
        } else if (m.label().isApplication()) {
            appCheck = ApplicationCheck.check(h, e.subjectIsClient, m.label().sys(), e.tsSeconds);
            if (!request && refMatch != null) {
                scoreServerApplication(s, m, refMatch);
            }
            if (request) {
                scoreUserAgent(s, h, e, db);
            }
        } else {
            scoreOsSignature(s, h, m, ref, refMatch);
        }
        if (e.httpVia) {
            s.add(NatReason.VIA, 8);
        }
        if (!request && ref != null) {
            scoreDate(s, e, ref);
        }
        NatScoreBoard.Alarm alarm = NatScoreBoard.add(h, e.subjectIsClient, s.reasons(), s.points(), e.tsSeconds);
        remember(h, e, m);
        return new Alarms(appCheck, alarm);
    }

    /** The same server port answering as a different application (load balancer?). */
    private static void scoreServerApplication(NatScore s, HttpSignature m, HttpSignature refMatch) {
        if (refMatch.label().nameId() != m.label().nameId()) {
            s.add(NatReason.SRV_SIG_LB, 8);
        } else if (refMatch.label().id() != m.label().id()) {
            s.add(NatReason.SRV_SIG_LB, 2);
        }
    }

    /** An OS-class HTTP sig (none in the stock database). */
    private static void scoreOsSignature(NatScore s, HostState h, HttpSignature m, HostState.HttpRecord ref,
            HttpSignature refMatch) {
        boolean osDiffers = false;
        if (refMatch != null) {
            if (refMatch.label().nameId() != m.label().nameId()) {
                s.add(NatReason.OS_DIFF, 8);
                osDiffers = true;
            } else if (bug7LabelChanged(refMatch, m)) {
                s.add(NatReason.OS_DIFF, 2);
            }
        } else if (ref != null) {
            s.add(NatReason.X_KNOWN, 4);
        }
        if (!osDiffers && h.lastNameId != m.label().nameId()) {
            s.add(NatReason.OS_DIFF, 4);
        }
    }

    /** BUG-7: p0f compares the reference's <em>name</em> id with the current <em>label</em> id. Reproduced. */
    private static boolean bug7LabelChanged(HttpSignature refMatch, HttpSignature m) {
        return refMatch.label().nameId() != m.label().id();
    }

    /**
     * An honest User-Agent naming an OS other than the host's. BUG-12: also fires while the host's OS is unknown
     * ({@code last_name_id == -1} never equals a {@code ua_os} name). Reproduced.
     */
    private static void scoreUserAgent(NatScore s, HostState h, HostEvent e, SignatureDatabase db) {
        if (e.httpSoftware == null || e.httpSoftware.isEmpty() || e.httpDishonest) {
            return;
        }
        io.passivetcp.signature.UserAgentOs u = UserAgentOs.find(db, e.httpSoftware);
        if (u == null) {
            return;
        }
        if (u.nameId() != h.lastNameId) {
            s.add(NatReason.UA_VS_OS, 4);
            if (h.badSw == 0) {
                h.badSw = BAD_SW_UA_MISMATCH;
            }
        } else {
            h.badSw = 0;
        }
    }

    /** The server's clock jumping against the previous response on this port. */
    private static void scoreDate(NatScore s, HostEvent e, HostState.HttpRecord ref) {
        if (ref.date == 0 || e.httpDate == 0) {
            return;
        }
        long receivedApart = e.tsSeconds - ref.recvDate;
        long datesApart = e.httpDate - ref.date;
        if (datesApart < -P0fConfig.HTTP_MAX_DATE_DIFF || datesApart > receivedApart + P0fConfig.HTTP_MAX_DATE_DIFF) {
            s.add(NatReason.DATE, 4);
        }
    }

    /** Spec §7.9: responses are always remembered; OS matches update the OS memory, apps the HTTP app memory. */
    private static void remember(HostState h, HostEvent e, HttpSignature m) {
        boolean request = e.httpKind == HostEvent.REQUEST;
        if (!request) {
            h.httpResp = record(e);
            h.httpRespPort = e.serverPort;
        }
        if (e.httpLanguage != null) {
            h.language = e.httpLanguage;
        }
        if (m == null) {
            return;
        }
        Label l = m.label();
        if (l.isApplication()) {
            h.httpNameId = l.nameId();
            h.httpFlavor = l.flavor();
            if (e.httpDishonest) {
                h.badSw = BAD_SW_DISHONEST;
            }
            return;
        }
        if (request) {
            h.httpReqOs = record(e);
        }
        h.lastClassId = l.classId();
        h.lastNameId = l.nameId();
        h.lastFlavor = l.flavor();
        h.lastQuality = l.generic() ? P0F_MATCH_GENERIC : 0;
    }

    private static HostState.HttpRecord record(HostEvent e) {
        HostState.HttpRecord r = new HostState.HttpRecord();
        r.signatureLine = e.httpSignatureLine;
        r.date = e.httpKind == HostEvent.RESPONSE ? e.httpDate : 0; // p0f parses Date in responses only
        r.recvDate = e.tsSeconds;
        return r;
    }
}
