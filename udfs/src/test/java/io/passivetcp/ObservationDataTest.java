package io.passivetcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The typed values of observations survive their explicit wire form. */
class ObservationDataTest {
    static final Observation.Label LINUX =
            new Observation.Label("specific", "unix", "Linux", "3.11 and newer", "exact", 42);
    static final Observation.Tcp SYN = new Observation.Tcp(61, 64, 3, false, 0, 1452, 29040, 7, "mss,sok,ts,nop,ws",
            "df,id+", "0", 0, false, LINUX);
    static final Observation.Http REQUEST = new Observation.Http(1, List.of("Host", "User-Agent", "Accept"),
            Arrays.asList("example.com", "Mozilla/5.0", null), "Mozilla/5.0", null, false, Observation.Label.NONE,
            null);
    static final Observation.Tls TLS = new Observation.Tls("t13d1516h2_8daaf6152771_e5627efa2ab1",
            "t13d1516h2_002f,0035_0005,000a_0403", "t13d1516h2_acb858a92679_18f69afefd3d",
            "t13d1516h2_0035,002f_000a,0005_0403", "35708a08e7be9f7aa5bce7f2d5c1cecb", "771,53-47,10-5,29,0",
            "example.com", List.of("h2", "http/1.1"), List.of("TLSv1.3", "TLSv1.2"), 2);

    @Test
    void everyKindRoundTrips() {
        List<Observation.Data> all = List.of(SYN, REQUEST, new Observation.Uptime(4637, 49, 1026.32), TLS,
                new Observation.Connection(1_715_679_000_000_000L, 1_715_679_001_000_000L, "fin_rst", 9, SYN,
                        "4:61+3:0:1452:mss*20,7:mss,sok,ts,nop,ws:df,id+:0", "none", null, null, null, 1492, "DSL",
                        -1, null, REQUEST, "1:Host,User-Agent:Accept:Mozilla", "none", "anonymous", null, null,
                        null, null),
                new Observation.Connection(1, 2, "end_of_input", 3, SYN, "raw", "none", null, null, null, -1, null,
                        -1, null, null, null, null, null, null, null, null, TLS));
        for (Observation.Data d : all) {
            assertEquals(d, Observation.dataFromBytes(Observation.dataToBytes(d)));
        }
        assertNull(Observation.dataFromBytes(Observation.dataToBytes(null)));
    }
}
