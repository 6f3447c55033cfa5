package io.passivetcp.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.passivetcp.Observation;
import io.passivetcp.packet.TcpPacket;
import io.passivetcp.packet.testutils.DecodedCapture;

/** Runs the TLS tracker alone over a capture: every ClientHello fingerprinted, by connection. */
final class TlsCorpus {
    private TlsCorpus() {}

    /** One fingerprinted ClientHello. */
    record Hello(Observation observation, ClientHello hello) {
        String ja4() {
            return ((Observation.Tls) observation.data).ja4();
        }
    }

    /**
     * What the tracker made of a capture, by connection ({@link #connection}): its ClientHellos in capture order,
     * the connections where one was rejected, and every connection with a decoded packet.
     */
    record Result(Map<String, List<Hello>> hellos, Set<String> rejected, Set<String> seen) {}

    /** Runs the tracker over {@code capture}, counting rejections into {@code rejections}. */
    static Result fingerprints(Path capture, Map<TlsReject, Integer> rejections) throws IOException {
        Set<String> rejected = new HashSet<>();
        Set<String> seen = new HashSet<>();
        DecodedCapture decoded = DecodedCapture.of(capture);
        TlsTracker tracker = new TlsTracker(io.passivetcp.P0fConfig.CONN_MAX_AGE);
        Map<String, TlsState> states = new HashMap<>();
        Map<String, List<Hello>> out = new LinkedHashMap<>();
        String[] current = new String[1];
        TlsTracker.Output output = new TlsTracker.Output() {
            @Override
            public void clientHello(Observation tls, ClientHello hello) {
                String key = connection(address(tls.client), tls.clientPort, address(tls.server), tls.serverPort);
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(new Hello(tls, hello));
            }

            @Override
            public void rejected(TlsReject reason) {
                rejections.merge(reason, 1, Integer::sum);
                rejected.add(current[0]);
            }
        };
        for (TcpPacket p : decoded.kept) {
            p.capture = capture.toString();
            String key = connection(address(p.src, p.addressLength()), p.srcPort, address(p.dst, p.addressLength()),
                    p.dstPort);
            current[0] = key;
            seen.add(key);
            TlsState next = tracker.process(states.get(key), p, output);
            if (next == null) {
                states.remove(key);
            } else {
                states.put(key, next);
            }
        }
        return new Result(out, rejected, seen);
    }

    /** Both endpoints, in a canonical order, so that either direction names the same connection. */
    static String connection(String a, int aPort, String b, int bPort) {
        String x = a + "/" + aPort, y = b + "/" + bPort;
        return x.compareTo(y) <= 0 ? x + " " + y : y + " " + x;
    }

    /** An address in Java's canonical text form (IPv6 compressed the JDK's way), from text or bytes. */
    static String address(String text) {
        try {
            return InetAddress.getByName(text).getHostAddress();
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static String address(byte[] a) {
        return address(a, a.length);
    }

    static String address(byte[] a, int n) {
        try {
            return InetAddress.getByAddress(java.util.Arrays.copyOf(a, n)).getHostAddress();
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
