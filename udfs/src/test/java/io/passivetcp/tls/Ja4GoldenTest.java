package io.passivetcp.tls;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import io.passivetcp.testutils.SharedData;

/**
 * Our JA4 against the other tools' outputs kept beside the dev corpus captures: FoxIO's reference implementations
 * ({@code X.foxio-ja4.json}, python; {@code X.foxio-ja4.snap}, rust), nDPI ({@code X.ndpi.out}, {@code JA4:}) and
 * Arkime ({@code X.arkime.test}, {@code ja4}), for every TCP connection they fingerprint.
 *
 * <p>Every tool value must equal ours, except where the tool follows an older reading of the specification: those
 * cases are listed below, by capture and connection, with the reason, and the test checks that the reason holds
 * (our JA4 computed by the tool's rule gives the tool's value).
 */
class Ja4GoldenTest {
    /** Why a tool's JA4 differs from ours: each is checked by computing ours under the tool's rule. */
    enum Reason {
        /** FoxIO's older reference code and Arkime kept GREASE signature algorithms; the spec removes them. */
        SIGALG_GREASE,
        /** Older reference code printed a non-alphanumeric ALPN character as 9; the spec prints hex digits. */
        ALPN_NINE,
        /**
         * nDPI sets the SNI flag from its own idea of the server name: {@code d} without an SNI extension when it
         * knows a name from elsewhere, {@code i} when the SNI is an IP address; the spec looks at the extension.
         */
        NDPI_SNI_FLAG,
        /** nDPI prints the first two characters of the first ALPN value (or the first and 0), not first and last. */
        NDPI_ALPN,
        /** nDPI hashes an empty list (SHA-256 of nothing, e3b0c44298fc); the spec prints 000000000000. */
        NDPI_EMPTY_HASH,
        /**
         * FoxIO's python also fingerprints the second ClientHello of a connection (after a HelloRetryRequest); we
         * fingerprint the first ClientHello of each connection.
         */
        SECOND_CLIENT_HELLO,
        /**
         * The ClientHello is malformed (a length inside it lies); the tool fingerprints what it could read, we reject
         * it by design and count the reason.
         */
        MALFORMED_REJECTED,
        /**
         * The connection travels inside a tunnel our packet decoder does not open (GTP-U over UDP, as p0f): none of
         * its packets reaches TCP.
         */
        TUNNEL_NOT_DECODED,
        /** Arkime finds TLS inside OpenVPN's TCP framing (a length and an OpenVPN header before each record). */
        INSIDE_OPENVPN
    }

    /** Reasons computed from our ClientHello (the others are structural). */
    private static final List<Reason> COMPUTED = List.of(Reason.SIGALG_GREASE, Reason.ALPN_NINE, Reason.NDPI_SNI_FLAG,
            Reason.NDPI_ALPN, Reason.NDPI_EMPTY_HASH);

    /** One tool's JA4 for one TCP connection; {@code index} counts the tool's ClientHellos of the connection. */
    record Expected(String tool, String capture, String connection, String ja4, int index) {
        String id() {
            return tool + " " + capture + " " + connection + " " + ja4;
        }
    }

    /** Explained differences: tool, capture, connection and the tool's value, with why it differs. */
    static final Map<String, Set<Reason>> EXPLAINED = Map.ofEntries(
            entry("arkime arkime__openvpn_synthetic.pcap 198.51.100.22/8443 203.0.113.7/51002 t12d030200_f81807f6db74_b9a491fefe05",
                    EnumSet.of(Reason.INSIDE_OPENVPN)),
            entry("arkime arkime__openvpn_synthetic.pcap 2001:db8:1:0:0:0:0:7/51003 2001:db8:2:0:0:0:0:22/6666 t12d030200_f81807f6db74_b9a491fefe05",
                    EnumSet.of(Reason.INSIDE_OPENVPN)),
            entry("foxio-python foxio__tls-sni.pcapng 13.107.237.40/443 192.168.1.168/50159 t13d1515h2_8daaf6152771_f37e75b10bcc",
                    EnumSet.of(Reason.SECOND_CLIENT_HELLO)),
            entry("foxio-python foxio__tls-sni.pcapng 13.107.237.40/443 192.168.1.168/50166 t13d1515h2_8daaf6152771_f37e75b10bcc",
                    EnumSet.of(Reason.SECOND_CLIENT_HELLO)),
            entry("foxio-python foxio__tls-sni.pcapng 13.107.237.40/443 192.168.1.168/50169 t13d1515h2_8daaf6152771_f37e75b10bcc",
                    EnumSet.of(Reason.SECOND_CLIENT_HELLO)),
            entry("foxio-python foxio__tls-sni.pcapng 13.107.238.40/443 192.168.1.168/50165 t13d1515h2_8daaf6152771_f37e75b10bcc",
                    EnumSet.of(Reason.SECOND_CLIENT_HELLO)),
            entry("foxio-python foxio__tls-sni.pcapng 13.107.238.40/443 192.168.1.168/50168 t13d1515h2_8daaf6152771_f37e75b10bcc",
                    EnumSet.of(Reason.SECOND_CLIENT_HELLO)),
            entry("ndpi ndpi__KakaoTalk_chat.pcap 10.24.82.188/35503 173.252.97.2/443 t10d350200_1f24bcc5f17d_33a13ba74d1c",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__KakaoTalk_chat.pcap 10.24.82.188/35511 173.252.97.2/443 t10d350200_1f24bcc5f17d_33a13ba74d1c",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__KakaoTalk_chat.pcap 10.24.82.188/37821 210.103.240.15/443 t10d350200_1f24bcc5f17d_33a13ba74d1c",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__KakaoTalk_chat.pcap 10.24.82.188/45213 31.13.68.84/443 t10d350200_1f24bcc5f17d_33a13ba74d1c",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__KakaoTalk_chat.pcap 10.24.82.188/58964 54.255.253.199/5223 t10d150000_e2ff6cb279ee_e3b0c44298fc",
                    EnumSet.of(Reason.NDPI_SNI_FLAG, Reason.NDPI_EMPTY_HASH)),
            entry("ndpi ndpi__alexa-app.pcapng 172.16.42.216/37113 52.94.232.134/443 t10d140200_37d7d24289bf_33a13ba74d1c",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__alexa-app.pcapng 172.16.42.216/38483 52.85.209.143/443 t12d220300_5fd681855ab9_1ea9011b3dfa",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__alexa-app.pcapng 172.16.42.216/38757 54.239.28.178/443 t10d140200_37d7d24289bf_33a13ba74d1c",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__alexa-app.pcapng 172.16.42.216/39750 52.94.232.134/443 t10d140200_37d7d24289bf_33a13ba74d1c",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__alexa-app.pcapng 172.16.42.216/58048 54.239.28.178/443 t10d140200_37d7d24289bf_33a13ba74d1c",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__alexa-app.pcapng 172.16.42.216/59698 52.94.232.134/443 t12d220300_5fd681855ab9_1ea9011b3dfa",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__android.pcap 172.217.168.206/443 192.168.2.16/50384 t12d1409ht_c866b44c5a26_b39be8c56a14",
                    EnumSet.of(Reason.NDPI_ALPN)),
            entry("ndpi ndpi__android.pcap 172.217.18.3/443 192.168.2.16/36888 t12d1409ht_c866b44c5a26_b39be8c56a14",
                    EnumSet.of(Reason.NDPI_ALPN)),
            entry("ndpi ndpi__android.pcap 172.217.18.3/443 192.168.2.16/36890 t12d1409ht_c866b44c5a26_b39be8c56a14",
                    EnumSet.of(Reason.NDPI_ALPN)),
            entry("ndpi ndpi__android.pcap 172.217.20.74/443 192.168.2.16/52486 t12d1409ht_c866b44c5a26_b39be8c56a14",
                    EnumSet.of(Reason.NDPI_ALPN)),
            entry("ndpi ndpi__android.pcap 172.217.20.74/443 192.168.2.16/52514 t13d1712h0_5b57614c22b0_3f5d972527c0",
                    EnumSet.of(Reason.NDPI_ALPN)),
            entry("ndpi ndpi__android.pcap 192.168.2.16/32996 216.239.38.120/443 t12d1409ht_c866b44c5a26_b39be8c56a14",
                    EnumSet.of(Reason.NDPI_ALPN)),
            entry("ndpi ndpi__anydesk.pcapng 192.168.1.128/48260 195.181.174.176/443 t12d6406an_9197985d2161_a1e935682795",
                    EnumSet.of(Reason.NDPI_SNI_FLAG, Reason.NDPI_ALPN)),
            entry("ndpi ndpi__anydesk.pcapng 192.168.1.178/52039 192.168.1.187/7070 t12d640500_9197985d2161_a1e935682795",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__anydesk.pcapng 192.168.1.178/7070 192.168.1.187/54164 t12d550500_168bb377f8c8_a1e935682795",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__anydesk.pcapng 192.168.149.129/43535 51.83.238.219/80 t12d640500_9197985d2161_a1e935682795",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__doh.pcapng 1.1.1.1/443 192.168.1.253/35996 t13d1909h2_9dc949149365_97f8aa674fd9",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__forticlient.pcap 192.168.1.178/61805 82.81.46.13/10443 t12i220700_0d4ca5d4ec72_3304d8368043",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__forticlient.pcap 192.168.1.178/61806 82.81.46.13/10443 t12i220700_0d4ca5d4ec72_3304d8368043",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__forticlient.pcap 192.168.1.178/61811 82.81.46.13/10443 t12i220700_0d4ca5d4ec72_3304d8368043",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__forticlient.pcap 192.168.1.178/61812 82.81.46.13/10443 t12i220700_0d4ca5d4ec72_3304d8368043",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__forticlient.pcap 192.168.1.178/61820 82.81.46.13/10443 t13i311000_e8f1e7e78f70_5ac7197df9d2",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__ftp-start-tls.pcap 10.220.50.76/21 10.238.26.36/62092 t12d410100_d572b635dddf_5f8d9ea464d3",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__gaijin_mobile_mixed.pcap 10.215.173.1/47666 54.75.230.133/443 t13d3113ht_e8f1e7e78f70_ce5650b735ce",
                    EnumSet.of(Reason.NDPI_ALPN)),
            entry("ndpi ndpi__heuristic_tcp_ack_payload.pcap 194.226.199.9/49756 92.223.106.21/443 t13d1613ht_1711a4c0508c_65df7edfe3b3",
                    EnumSet.of(Reason.NDPI_ALPN)),
            entry("ndpi ndpi__instagram.pcap 192.168.2.17/49355 31.13.86.52/443 t00d0307ht_55b375c5d22e_1472448224a5",
                    EnumSet.of(Reason.NDPI_ALPN)),
            entry("ndpi ndpi__instagram.pcap 192.168.2.17/49357 31.13.86.52/443 t00d0309ht_55b375c5d22e_2d3f7b9fe3d5",
                    EnumSet.of(Reason.NDPI_ALPN)),
            entry("ndpi ndpi__instagram.pcap 192.168.2.17/49358 31.13.86.52/443 t00d0309ht_55b375c5d22e_2d3f7b9fe3d5",
                    EnumSet.of(Reason.NDPI_ALPN)),
            entry("ndpi ndpi__instagram.pcap 192.168.2.17/49359 31.13.86.52/443 t00d0309ht_55b375c5d22e_2d3f7b9fe3d5",
                    EnumSet.of(Reason.NDPI_ALPN)),
            entry("ndpi ndpi__instagram.pcap 192.168.2.17/49360 31.13.86.52/443 t00d0309ht_55b375c5d22e_2d3f7b9fe3d5",
                    EnumSet.of(Reason.NDPI_ALPN)),
            entry("ndpi ndpi__instagram.pcap 192.168.2.17/49361 31.13.86.52/443 t00d0309ht_55b375c5d22e_2d3f7b9fe3d5",
                    EnumSet.of(Reason.NDPI_ALPN)),
            entry("ndpi ndpi__iphone.pcap 17.137.166.35/443 192.168.2.17/50585 t13d2613ht_2802a3db6c62_845d286b0d67",
                    EnumSet.of(Reason.NDPI_ALPN)),
            entry("ndpi ndpi__rdp_over_tls.pcap 89.31.79.12/3389 91.238.181.21/35888 t12d280600_bbd4f008d9b2_f28add8e7af0",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__roblox.pcapng 128.116.122.4/443 192.168.12.156/39034 t13d3113ht_e8f1e7e78f70_1b3407e2c936",
                    EnumSet.of(Reason.NDPI_ALPN)),
            entry("ndpi ndpi__smtp-starttls.pcap 10.0.0.1/57406 173.194.68.26/25 t10d290100_cdba58456bdf_e78b541c01a9",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__snapchat.pcap 10.8.0.1/33233 74.125.136.141/443 t12d220300_5fd681855ab9_1ea9011b3dfa",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__snapchat.pcap 10.8.0.1/44536 74.125.136.141/443 t12d1407ht_efec8f3cafed_1b2d6ce873a4",
                    EnumSet.of(Reason.NDPI_ALPN)),
            entry("ndpi ndpi__snapchat.pcap 10.8.0.1/56193 74.125.136.141/443 t12d1407ht_efec8f3cafed_1b2d6ce873a4",
                    EnumSet.of(Reason.NDPI_ALPN)),
            entry("ndpi ndpi__sonos.pcapng 192.168.1.29/52425 192.168.1.70/1443 t12i130700_88f5d26691c7_cdbdbcd6f742",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__ssl-cert-name-mismatch.pcap 104.154.89.105/443 192.168.2.222/54772 t12d3810ht_845d1e55a368_7448b1316cd7",
                    EnumSet.of(Reason.NDPI_ALPN)),
            entry("ndpi ndpi__steam.pcapng 188.114.98.224/443 192.168.88.231/54243 t13d3213ht_85d9c3ed342d_e802cdec6a7f",
                    EnumSet.of(Reason.NDPI_ALPN)),
            entry("ndpi ndpi__teams.pcap 192.168.1.6/50014 52.114.250.152/443 t12i220700_0d4ca5d4ec72_3304d8368043",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__teams.pcap 192.168.1.6/50036 52.114.250.153/443 t12i220700_0d4ca5d4ec72_3304d8368043",
                    EnumSet.of(Reason.NDPI_SNI_FLAG)),
            entry("ndpi ndpi__tls_1.2_unidirectional_client_no_cert.pcapng 172.67.21.133/443 192.168.12.156/39958 t13d1713ht_5b57614c22b0_eca864cca44a",
                    EnumSet.of(Reason.NDPI_ALPN)),
            entry("ndpi ndpi__tls_cipher_lens.pcap 173.194.35.191/443 192.168.11.11/51588 t10d660000_1ade43d4e5bc_e3b0c44298fc",
                    EnumSet.of(Reason.NDPI_SNI_FLAG, Reason.NDPI_EMPTY_HASH)),
            entry("ndpi ndpi__tls_invalid_reads.pcap 10.191.139.17/58552 54.221.224.45/443 t12d200500_6e20beb92e8e_354730cf0bf0",
                    EnumSet.of(Reason.TUNNEL_NOT_DECODED)),
            entry("ndpi ndpi__tls_verylong_certificate.pcap 151.101.66.49/443 192.168.1.160/54804 t12d6707ht_2955a3196ffa_c83f907a73d3",
                    EnumSet.of(Reason.NDPI_ALPN))
    );

    @Test
    void agreesWithFoxioNdpiAndArkime() throws IOException {
        Path dev = SharedData.resolve("corpus/dev");
        List<Expected> expected = new ArrayList<>();
        try (Stream<Path> files = Files.list(dev)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".foxio-ja4.json")) {
                    expected.addAll(foxioJson(f, strip(name, ".foxio-ja4.json")));
                } else if (name.endsWith(".foxio-ja4.snap")) {
                    expected.addAll(foxioSnap(f, strip(name, ".foxio-ja4.snap")));
                } else if (name.endsWith(".ndpi.out")) {
                    expected.addAll(ndpi(f, strip(name, ".ndpi.out")));
                } else if (name.endsWith(".arkime.test")) {
                    expected.addAll(arkime(f, strip(name, ".arkime.test")));
                }
            }
        }
        Map<String, TlsCorpus.Result> ours = new TreeMap<>();
        Map<TlsReject, Integer> rejections = new EnumMap<>(TlsReject.class);
        for (Expected e : expected) {
            if (!ours.containsKey(e.capture())) {
                ours.put(e.capture(), TlsCorpus.fingerprints(dev.resolve(e.capture()), rejections));
            }
        }

        int agree = 0;
        Map<String, int[]> perTool = new TreeMap<>(); // agree, explained, unexplained
        Map<String, Set<Reason>> explained = new TreeMap<>();
        List<String> unexplained = new ArrayList<>();
        Map<String, Set<Integer>> used = new HashMap<>();
        for (Expected e : expected) {
            TlsCorpus.Result run = ours.get(e.capture());
            List<TlsCorpus.Hello> hellos = hellos(run.hellos(), e.connection());
            Set<Integer> taken = used.computeIfAbsent(e.tool() + e.capture() + e.connection(), k -> new HashSet<>());
            int match = find(hellos, taken, h -> h.ja4().equals(e.ja4()));
            if (match >= 0) {
                taken.add(match);
                agree++;
                perTool.computeIfAbsent(e.tool(), k -> new int[3])[0]++;
                continue;
            }
            Set<Reason> why = null;
            if (e.index() > 1) {
                why = EnumSet.of(Reason.SECOND_CLIENT_HELLO);
            } else if (hellos.isEmpty() && run.rejected().stream().anyMatch(c -> matches(e.connection(), c))) {
                why = EnumSet.of(Reason.MALFORMED_REJECTED);
            } else if (run.seen().stream().noneMatch(c -> matches(e.connection(), c))) {
                why = EnumSet.of(Reason.TUNNEL_NOT_DECODED);
            } else if (hellos.isEmpty() && e.capture().contains("openvpn")) {
                why = EnumSet.of(Reason.INSIDE_OPENVPN);
            } else {
                for (Set<Reason> reasons : subsets(e.tool())) {
                    match = find(hellos, taken, h -> underRules(h.hello(), reasons).contains(e.ja4()));
                    if (match >= 0) {
                        taken.add(match);
                        why = reasons;
                        break;
                    }
                }
            }
            perTool.computeIfAbsent(e.tool(), k -> new int[3])[why != null ? 1 : 2]++;
            if (why != null) {
                explained.put(e.id(), why);
            } else {
                unexplained.add(e.id() + " (ours: " + hellos.stream().map(TlsCorpus.Hello::ja4).toList() + ")");
            }
        }
        Set<String> captures = new TreeSet<>();
        expected.forEach(e -> captures.add(e.capture()));
        System.out.printf("JA4 golden comparison: %d captures, %d tool values, %d agree, %d explained, %d unexplained;"
                + " rejections %s%n", captures.size(), expected.size(), agree, explained.size(), unexplained.size(),
                rejections);
        perTool.forEach((tool, n) -> System.out.printf("  %s: %d captures, %d agree, %d explained, %d unexplained%n",
                tool, expected.stream().filter(e -> e.tool().equals(tool)).map(Expected::capture).distinct().count(),
                n[0], n[1], n[2]));
        explained.forEach((id, r) -> System.out.println("            entry(\"" + id + "\", EnumSet.of("
                + String.join(", ", r.stream().map(x -> "Reason." + x).toList()) + ")),"));
        unexplained.forEach(u -> System.out.println("  UNEXPLAINED " + u));
        assertEquals(List.of(), unexplained, "JA4 values that differ from the tools' without a known reason");
        assertEquals(EXPLAINED, explained, "the listed explained differences");
        assertTrue(agree > 0);
    }

    /** Combinations of the computed reasons that apply to {@code tool}, smallest first. */
    private static List<Set<Reason>> subsets(String tool) {
        List<Reason> applicable = COMPUTED.stream()
                .filter(r -> !r.name().startsWith("NDPI") || tool.equals("ndpi")).toList();
        List<Set<Reason>> out = new ArrayList<>();
        for (int mask = 1; mask < 1 << applicable.size(); mask++) {
            Set<Reason> set = EnumSet.noneOf(Reason.class);
            for (int i = 0; i < applicable.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    set.add(applicable.get(i));
                }
            }
            out.add(set);
        }
        out.sort(java.util.Comparator.comparingInt(Set::size));
        return out;
    }

    /** Our JA4 computed by the tool's rules (the candidates, where a rule allows more than one). */
    private static Set<String> underRules(ClientHello h, Set<Reason> reasons) {
        String ja4 = Ja4.of(h, reasons.contains(Reason.ALPN_NINE) ? Ja4.AlpnRule.NINE : Ja4.AlpnRule.HEX,
                reasons.contains(Reason.SIGALG_GREASE)).fingerprint();
        if (reasons.contains(Reason.NDPI_SNI_FLAG)) {
            boolean ipLiteral = h.sni() != null && h.sni().matches("[0-9.]+|[0-9a-fA-F:]+");
            if (!h.hasSni()) {
                ja4 = ja4.substring(0, 3) + 'd' + ja4.substring(4);
            } else if (ipLiteral) {
                ja4 = ja4.substring(0, 3) + 'i' + ja4.substring(4);
            }
        }
        if (reasons.contains(Reason.NDPI_EMPTY_HASH)) {
            ja4 = ja4.replace("_000000000000", "_e3b0c44298fc");
        }
        if (reasons.contains(Reason.NDPI_ALPN) && !h.alpn().isEmpty() && h.alpn().get(0).length >= 2) {
            byte[] first = h.alpn().get(0);
            return Set.of(ja4.substring(0, 8) + (char) first[0] + (char) first[1] + ja4.substring(10),
                    ja4.substring(0, 8) + (char) first[0] + '0' + ja4.substring(10));
        }
        return Set.of(ja4);
    }

    /**
     * Our ClientHellos of a connection. nDPI prints some IPv6 addresses wrongly (two {@code ::}); those connections
     * are matched by their ports, and the other address when it is readable.
     */
    private static List<TlsCorpus.Hello> hellos(Map<String, List<TlsCorpus.Hello>> ours, String connection) {
        List<TlsCorpus.Hello> found = new ArrayList<>();
        ours.forEach((key, hellos) -> {
            if (matches(connection, key)) {
                found.addAll(hellos);
            }
        });
        return found;
    }

    /** Whether a tool's connection (maybe with an unreadable address) is our connection {@code key}. */
    private static boolean matches(String connection, String key) {
        String[] ends = connection.split(" ");
        String[] k = key.split(" ");
        return sameEnd(ends[0], k[0]) && sameEnd(ends[1], k[1]) || sameEnd(ends[0], k[1]) && sameEnd(ends[1], k[0]);
    }

    private static boolean sameEnd(String pattern, String end) {
        return pattern.startsWith(UNREADABLE) ? end.endsWith(pattern.substring(UNREADABLE.length())) : pattern.equals(end);
    }

    static final String UNREADABLE = "unreadable";

    private static String ndpiAddress(String text) {
        try {
            return TlsCorpus.address(text.replaceAll("[\\[\\]]", ""));
        } catch (IllegalArgumentException e) {
            return UNREADABLE;
        }
    }

    private static int find(List<TlsCorpus.Hello> hellos, Set<Integer> taken,
            java.util.function.Predicate<TlsCorpus.Hello> p) {
        for (int i = 0; i < hellos.size(); i++) {
            if (!taken.contains(i) && p.test(hellos.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String strip(String name, String suffix) {
        return name.substring(0, name.length() - suffix.length());
    }

    private static boolean tcpJa4(Object ja4) {
        return ja4 instanceof String s && s.startsWith("t");
    }

    /** FoxIO's python reference: a JSON list of streams, {@code JA4.1}, {@code JA4.2}, ... per ClientHello. */
    @SuppressWarnings("unchecked")
    static List<Expected> foxioJson(Path f, String capture) throws IOException {
        List<Expected> out = new ArrayList<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) load(f)) {
            for (Map.Entry<String, Object> field : s.entrySet()) {
                if (field.getKey().matches("JA4\\.\\d+") && tcpJa4(field.getValue())) {
                    int index = Integer.parseInt(field.getKey().substring(4));
                    out.add(new Expected("foxio-python", capture, TlsCorpus.connection(
                            TlsCorpus.address(String.valueOf(s.get("src"))), Integer.parseInt(String.valueOf(s.get("srcport"))),
                            TlsCorpus.address(String.valueOf(s.get("dst"))), Integer.parseInt(String.valueOf(s.get("dstport")))),
                            (String) field.getValue(), index));
                }
            }
        }
        return out;
    }

    /** FoxIO's rust reference: an insta snapshot (YAML) of streams with {@code ja4}. */
    @SuppressWarnings("unchecked")
    static List<Expected> foxioSnap(Path f, String capture) throws IOException {
        List<Expected> out = new ArrayList<>();
        Load load = new Load(LoadSettings.builder().build());
        for (Object doc : load.loadAllFromString(Files.readString(f, StandardCharsets.UTF_8))) {
            if (!(doc instanceof List<?> streams)) {
                continue;
            }
            for (Map<String, Object> s : (List<Map<String, Object>>) streams) {
                if ("tcp".equals(s.get("transport")) && tcpJa4(s.get("ja4"))) {
                    out.add(new Expected("foxio-rust", capture, TlsCorpus.connection(
                            TlsCorpus.address(String.valueOf(s.get("src"))), ((Number) s.get("src_port")).intValue(),
                            TlsCorpus.address(String.valueOf(s.get("dst"))), ((Number) s.get("dst_port")).intValue()),
                            (String) s.get("ja4"), 1));
                }
            }
        }
        return out;
    }

    private static final Pattern NDPI_FLOW = Pattern.compile(
            "^\\s*\\d+\\s+TCP\\s+(\\[[0-9a-fA-F:.]+]|[0-9.]+):(\\d+)\\s+<?->\\s+(\\[[0-9a-fA-F:.]+]|[0-9.]+):(\\d+)\\s.*"
                    + "\\[JA4: ([^\\]]+)]");

    /** nDPI's ndpiReader output: one line per flow, {@code [JA4: ...]} on TLS flows. */
    static List<Expected> ndpi(Path f, String capture) throws IOException {
        List<Expected> out = new ArrayList<>();
        for (String line : Files.readAllLines(f, StandardCharsets.ISO_8859_1)) {
            Matcher m = NDPI_FLOW.matcher(line);
            if (m.find() && tcpJa4(m.group(5))) {
                out.add(new Expected("ndpi", capture, TlsCorpus.connection(
                        ndpiAddress(m.group(1)), Integer.parseInt(m.group(2)),
                        ndpiAddress(m.group(3)), Integer.parseInt(m.group(4))),
                        m.group(5), 1));
            }
        }
        return out;
    }

    /** Arkime's test expectations: sessions with {@code tls.ja4}. */
    @SuppressWarnings("unchecked")
    static List<Expected> arkime(Path f, String capture) throws IOException {
        List<Expected> out = new ArrayList<>();
        Map<String, Object> root = (Map<String, Object>) load(f);
        for (Map<String, Object> session : (List<Map<String, Object>>) root.getOrDefault("sessions3", List.of())) {
            Map<String, Object> body = (Map<String, Object>) session.get("body");
            Map<String, Object> tls = (Map<String, Object>) body.get("tls");
            if (tls == null || !Integer.valueOf(6).equals(body.get("ipProtocol"))) {
                continue;
            }
            Map<String, Object> src = (Map<String, Object>) body.get("source");
            Map<String, Object> dst = (Map<String, Object>) body.get("destination");
            for (Object ja4 : (List<Object>) tls.getOrDefault("ja4", List.of())) {
                if (tcpJa4(ja4)) {
                    out.add(new Expected("arkime", capture, TlsCorpus.connection(
                            TlsCorpus.address(String.valueOf(src.get("ip"))), ((Number) src.get("port")).intValue(),
                            TlsCorpus.address(String.valueOf(dst.get("ip"))), ((Number) dst.get("port")).intValue()),
                            (String) ja4, 1));
                }
            }
        }
        return out;
    }

    private static Object load(Path f) throws IOException {
        return new Load(LoadSettings.builder().build()).loadFromString(Files.readString(f, StandardCharsets.UTF_8));
    }
}
