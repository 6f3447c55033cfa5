package io.passivetcp.host;

import static io.passivetcp.host.HostTestDb.http;
import static io.passivetcp.host.HostTestDb.syn;
import static io.passivetcp.host.HostTestDb.synAck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.passivetcp.Observation;
import io.passivetcp.signature.Label;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Spec §8.8 (HTTP NAT signals) and §7.9 (host updates), driven through {@link HostTracker}. */
class HttpNatSignalsTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final int FIREFOX = http(false, "Firefox 10.x or newer"); // sys = Windows,@unix
    private static final int LINUX_HTTP_OS = http(false, "Linux via HTTP");
    private static final int NGINX_1 = http(true, "nginx 1.x"); // sys = @unix
    private static final int NGINX_0 = http(true, "nginx 0.x");
    private static final int APACHE = http(true, "Apache 2.x");
    private static final int WINDOWS_HTTP_OS = http(true, "Windows HTTP server");
    private static final int LINUX_HTTP_SRV = http(true, "Linux HTTP server");
    private static final String LINUX_UA = "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0";
    private static final String WINDOWS_UA = "Mozilla/5.0 (Windows NT 10.0; rv:109.0) Gecko/20100101 Firefox/115.0";

    private final Host host = new Host(HostTestDb.DB);

    private static String change(String subj, String reason, String rawHits) {
        return "mod=host change|subj=" + subj + "|reason=" + reason + "|raw_hits=" + rawHits;
    }

    private static Label label(int httpLine) {
        return HostTestDb.DB.httpSignatureAtLine(httpLine).label();
    }

    /** BUG-12: an honest User-Agent naming an OS scores ua_vs_os when the host's OS is unknown [T 02]. */
    @Test
    void userAgentOsWhileTheHostOsIsUnknownBug12() {
        assertEquals(List.of(change("cli", "ua_vs_os", "0,1,1,1")),
                host.apply(Ev.at(T0).request(FIREFOX).software(LINUX_UA)));
        assertEquals(1, host.state.badSw);
    }

    @Test
    void userAgentOsAgreeingWithTheHostClearsBadSw() {
        host.apply(Ev.at(T0).touch().syn(syn("Linux 3.11 and newer")));
        host.state.badSw = 1;
        assertEquals(List.of(), host.apply(Ev.at(T0 + 1).request(FIREFOX).software(LINUX_UA)));
        assertEquals(0, host.state.badSw);
    }

    @Test
    void userAgentOsContradictingTheHost() {
        host.apply(Ev.at(T0).touch().syn(syn("Linux 3.11 and newer")));
        assertEquals(List.of(change("cli", "ua_vs_os", "0,1,1,1")),
                host.apply(Ev.at(T0 + 1).request(FIREFOX).software(WINDOWS_UA)));
        host.state.badSw = 2;
        host.apply(Ev.at(T0 + 2).request(FIREFOX).software(WINDOWS_UA));
        assertEquals(2, host.state.badSw); // only a clean record is marked 1
    }

    @Test
    void noUserAgentCheckForDishonestMissingOrUnknownSoftware() {
        assertEquals(List.of(), host.apply(Ev.at(T0).request(FIREFOX).software(LINUX_UA).dishonest()));
        assertEquals(2, host.state.badSw); // §7.9: dishonest application match
        Host other = new Host(HostTestDb.DB);
        assertEquals(List.of(), other.apply(Ev.at(T0).request(FIREFOX)));
        assertEquals(List.of(), other.apply(Ev.at(T0).request(FIREFOX).software("")));
        assertEquals(List.of(), other.apply(Ev.at(T0).request(FIREFOX).software("Firefox/3 (BeOS)")));
        assertEquals(List.of(), other.apply(Ev.at(T0).request(-1).software(LINUX_UA))); // not an app match
        assertEquals(0, other.state.badSw);
    }

    @Test
    void applicationCheckEventPrecedesTheHttpScoreEvent() {
        host.apply(Ev.at(T0).server().touch().synAck(synAck("Windows XP")));
        List<Observation> out = host.observe(Ev.at(T0 + 10).response(NGINX_1).via().build());
        assertEquals(List.of(change("srv", "app_vs_os", "0,1,1,1"), change("srv", "via", "1,2,2,2")),
                out.stream().map(Host::render).toList());
        assertEquals(EventStep.HTTP_APP_CHECK, out.get(0).step);
        assertEquals(EventStep.HTTP_NAT, out.get(1).step);
    }

    @Test
    void viaOrForwardedForScoresEight() {
        assertEquals(List.of(change("cli", "via", "1,1,1,1")), host.apply(Ev.at(T0).request(-1).via()));
    }

    @Test
    void serverSignatureChangesOnTheSamePort() {
        host.apply(Ev.at(T0).response(NGINX_1));
        assertEquals(List.of(change("srv", "srv_sig_lb", "0,0,1,1")), host.apply(Ev.at(T0 + 1).response(NGINX_0)));
        assertEquals(List.of(change("srv", "srv_sig_lb", "1,1,2,2")), host.apply(Ev.at(T0 + 2).response(APACHE)));
        assertEquals(List.of(), host.apply(Ev.at(T0 + 3).response(NGINX_1).ports(40000, 8080)));
    }

    @Test
    void serverGoingFromKnownToUnknownScoresXKnown() {
        host.apply(Ev.at(T0).response(APACHE));
        assertEquals(List.of(change("srv", "x_known", "0,1,1,1")), host.apply(Ev.at(T0 + 1).response(-1)));
        assertEquals(List.of(), host.apply(Ev.at(T0 + 2).response(-1))); // unknown to unknown
    }

    @Test
    void dateJumps() {
        host.apply(Ev.at(T0).response(-1).date(1_000_000));
        // 20 s later by packet time; the Date header may advance up to 30 s and go back up to 10 s
        assertEquals(List.of(), host.apply(Ev.at(T0 + 20_000).response(-1).date(1_000_030)));
        assertEquals(List.of(change("srv", "date", "0,1,1,1")),
                host.apply(Ev.at(T0 + 20_000).response(-1).date(1_000_041)));
        assertEquals(List.of(change("srv", "date", "0,2,2,2")),
                host.apply(Ev.at(T0 + 20_000).response(-1).date(1_000_030)));
        assertEquals(List.of(), host.apply(Ev.at(T0 + 20_000).response(-1).date(1_000_020)));
        assertEquals(List.of(change("srv", "date", "0,3,3,3")),
                host.apply(Ev.at(T0 + 20_000).response(-1).date(1_000_009)));
        assertEquals(List.of(), host.apply(Ev.at(T0 + 20_000).response(-1))); // no Date: not compared
        assertEquals(List.of(), host.apply(Ev.at(T0 + 20_000).response(-1).date(5))); // reference has none
    }

    @Test
    void requestsHaveNoDateCheck() {
        host.apply(Ev.at(T0).request(LINUX_HTTP_OS).date(1_000_000));
        assertEquals(0, host.state.httpReqOs.date);
    }

    @Test
    void osRequestSignatureAgainstAnUnknownHostOs() {
        assertEquals(List.of(change("cli", "os_diff", "0,1,1,1")), host.apply(Ev.at(T0).request(LINUX_HTTP_OS)));
        Label linux = label(LINUX_HTTP_OS);
        assertEquals(linux.nameId(), host.state.lastNameId);
        assertEquals(linux.classId(), host.state.lastClassId);
        assertEquals(0, host.state.lastQuality);
        assertEquals(LINUX_HTTP_OS, host.state.httpReqOs.signatureLine);
    }

    /** BUG-7: the same OS sig again still scores os_diff 2 (a name id compared with a label id). */
    @Test
    void sameOsRequestSignatureAgainBug7() {
        host.apply(Ev.at(T0).request(LINUX_HTTP_OS));
        Label linux = label(LINUX_HTTP_OS);
        assertEquals(true, linux.nameId() != linux.id());
        assertEquals(List.of(change("cli", "os_diff", "0,1,2,2")), host.apply(Ev.at(T0 + 1).request(LINUX_HTTP_OS)));
    }

    @Test
    void osResponseAfterAnUnknownOneScoresXKnownAndTheOsMemory() {
        host.apply(Ev.at(T0).response(-1));
        assertEquals(List.of(change("srv", "os_diff x_known", "1,1,1,1")),
                host.apply(Ev.at(T0 + 1).response(WINDOWS_HTTP_OS)));
    }

    @Test
    void osResponseWithAnotherNameThanTheLastOneScoresEight() {
        assertEquals(List.of(change("srv", "os_diff", "0,1,1,1")), host.apply(Ev.at(T0).response(WINDOWS_HTTP_OS)));
        // names differ: 8, and the OS memory is not consulted any more
        assertEquals(List.of(change("srv", "os_diff", "1,2,2,2")), host.apply(Ev.at(T0 + 1).response(LINUX_HTTP_SRV)));
    }

    @Test
    void osResponseAgainstAnotherOsInMemory() {
        host.apply(Ev.at(T0).response(WINDOWS_HTTP_OS)); // 4: memory unknown
        host.apply(Ev.at(T0 + 1).server().touch().synAck(synAck("Linux 3.x"))); // 8: memory Windows; now Linux
        // same name as the reference: the BUG-7 comparison adds 2; the memory (Linux) differs: 4
        assertEquals(List.of(change("srv", "os_diff", "2,3,3,3")), host.apply(Ev.at(T0 + 2).response(WINDOWS_HTTP_OS)));
        assertEquals(6, host.state.srvScores[31]);
    }

    @Test
    void applicationMatchesUpdateTheHttpMemoryAndLanguage() {
        host.apply(Ev.at(T0).request(FIREFOX).language("French"));
        assertEquals(label(FIREFOX).nameId(), host.state.httpNameId);
        assertEquals("10.x or newer", host.state.httpFlavor);
        assertEquals("French", host.state.language);
        assertEquals(HostState.UNKNOWN_ID, host.state.lastNameId); // apps are not an OS
        assertNull(host.state.httpReqOs);
        host.apply(Ev.at(T0 + 1).request(-1));
        assertEquals("French", host.state.language); // only a found language replaces it
    }

    @Test
    void responsesAreAlwaysRememberedWithTheirPort() {
        host.apply(Ev.at(T0 + 5000).response(-1).ports(40000, 8080).date(123));
        assertEquals(8080, host.state.httpRespPort);
        assertEquals(-1, host.state.httpResp.signatureLine);
        assertEquals(123, host.state.httpResp.date);
        assertEquals((T0 + 5000) / 1000, host.state.httpResp.recvDate);
    }
}
