package io.passivetcp.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.passivetcp.Observation;
import io.passivetcp.packet.TcpPacket;

/** Reassembly of the client's first flight: split, reordered, retransmitted, without SYN, after a preamble. */
class TlsTrackerTest {
    private static final byte[] CLIENT = {10, 0, 0, 1}, SERVER = {10, 0, 0, 2};
    private static final long ISN = 0xFFFFFF00L; // the stream wraps around 2^32 inside the ClientHello

    private final TlsTracker tracker = new TlsTracker(30);
    private final List<Observation> hellos = new ArrayList<>();
    private final Map<TlsReject, Integer> rejections = new EnumMap<>(TlsReject.class);
    private final TlsTracker.Output out = new TlsTracker.Output() {
        @Override
        public void clientHello(Observation tls, ClientHello hello) {
            hellos.add(tls);
        }

        @Override
        public void rejected(TlsReject reason) {
            rejections.merge(reason, 1, Integer::sum);
        }
    };
    private TlsState state;

    /** A post-quantum sized ClientHello: the spec example plus a 1,216-byte key share. */
    static byte[] bigHello() {
        ClientHelloBuilder b = ClientHelloBuilder.specExample();
        b.extensions.removeIf(e -> Ja4Test.type(e) == 0x0033);
        b.extension(0x0033, new byte[1216]);
        return b.record();
    }

    private static TcpPacket packet(boolean fromClient, int flags, long seq, byte[] payload, int from, int to) {
        TcpPacket p = new TcpPacket();
        p.ipVersion = 4;
        p.capture = "test.pcap";
        System.arraycopy(fromClient ? CLIENT : SERVER, 0, p.src, 0, 4);
        System.arraycopy(fromClient ? SERVER : CLIENT, 0, p.dst, 0, 4);
        p.srcPort = fromClient ? 50000 : 8443;
        p.dstPort = fromClient ? 8443 : 50000;
        p.tcpType = flags;
        p.seq = seq & 0xFFFFFFFFL;
        p.tsSeconds = 1_700_000_000L;
        byte[] data = Arrays.copyOfRange(payload, from, to);
        p.setPayload(data, data.length);
        p.payLen = data.length;
        return p;
    }

    private void feed(TcpPacket p) {
        state = tracker.process(state, p, out);
    }

    private void syn() {
        feed(packet(true, TcpPacket.SYN, ISN, new byte[0], 0, 0));
        feed(packet(false, TcpPacket.SYN | TcpPacket.ACK, 777, new byte[0], 0, 0));
    }

    /** Sends {@code data[from..to)} as one client segment at its stream offset. */
    private void client(byte[] data, int from, int to, int streamOffset) {
        feed(packet(true, TcpPacket.ACK, ISN + 1 + streamOffset + from, data, from, to));
    }

    private Observation.Tls only() {
        assertEquals(1, hellos.size(), hellos.toString());
        return (Observation.Tls) hellos.get(0).data;
    }

    private Observation.Tls whole() {
        TlsTrackerTest t = new TlsTrackerTest();
        t.syn();
        byte[] hello = bigHello();
        t.client(hello, 0, hello.length, 0);
        return t.only();
    }

    @Test
    void splitClientHelloGivesTheSameFingerprintsAsAnUnsplitOne() {
        Observation.Tls whole = whole();
        assertEquals(1, whole.segments());
        byte[] hello = bigHello();
        for (int[] cuts : new int[][] {{1448}, {1, 2}, {5, 9, 700, 1400}, {100, 200, 300, 400, 500, 600, 1400}}) {
            TlsTrackerTest t = new TlsTrackerTest();
            t.syn();
            int from = 0;
            for (int cut : cuts) {
                t.client(hello, from, cut, 0);
                from = cut;
            }
            t.client(hello, from, hello.length, 0);
            Observation.Tls split = t.only();
            assertEquals(whole.ja4(), split.ja4());
            assertEquals(whole.ja4Raw(), split.ja4Raw());
            assertEquals(whole.ja4Original(), split.ja4Original());
            assertEquals(whole.ja3(), split.ja3());
            assertEquals(cuts.length + 1, split.segments());
            assertEquals("example.com", split.sni());
            assertEquals(List.of("h2", "http/1.1"), split.alpn());
            assertEquals(List.of("TLSv1.3", "TLSv1.2"), split.versions());
        }
        assertEquals(Ja4Test.SPEC_JA4.substring(0, 24), whole.ja4().substring(0, 24));
    }

    @Test
    void segmentsOutOfOrderAndRetransmittedAreReassembledInSequenceOrder() {
        byte[] hello = bigHello();
        syn();
        client(hello, 1200, hello.length, 0);
        client(hello, 600, 1300, 0); // overlaps the later one
        client(hello, 1200, hello.length, 0); // retransmission
        assertEquals(0, hellos.size());
        client(hello, 0, 700, 0);
        assertEquals(whole().ja4(), only().ja4());
        client(hello, 0, hello.length, 0); // a late retransmission of the whole: no second fingerprint
        assertEquals(1, hellos.size());
        assertEquals("10.0.0.1", hellos.get(0).client[0] + ".0.0." + hellos.get(0).client[3]);
        assertEquals(8443, hellos.get(0).serverPort);
    }

    @Test
    void recordsSplitAcrossSegmentsAndRecords() {
        ClientHelloBuilder b = ClientHelloBuilder.specExample();
        byte[] hello = b.records(200);
        syn();
        client(hello, 0, 150, 0);
        client(hello, 150, hello.length, 0);
        assertEquals(Ja4Test.SPEC_JA4, only().ja4());
    }

    @Test
    void withoutTheSynTheClientHelloSenderIsTheClient() {
        byte[] hello = bigHello();
        feed(packet(false, TcpPacket.ACK, 5000, new byte[] {0x17, 3, 3, 0, 1, 0}, 0, 6)); // server data: ignored
        feed(packet(true, TcpPacket.ACK, 9000, hello, 0, 1000));
        feed(packet(true, TcpPacket.ACK, 9000 + 1000, hello, 1000, hello.length));
        assertEquals(whole().ja4(), only().ja4());
        assertEquals(50000, hellos.get(0).clientPort);
    }

    @Test
    void afterAPlaintextPreambleOnAnyPort() {
        syn();
        byte[] ehlo = "EHLO client\r\nSTARTTLS\r\n".getBytes();
        client(ehlo, 0, ehlo.length, 0);
        feed(packet(false, TcpPacket.ACK, 778, "220 go ahead\r\n".getBytes(), 0, 14));
        byte[] hello = bigHello();
        client(hello, 0, 900, ehlo.length);
        client(hello, 900, hello.length, ehlo.length);
        assertEquals(whole().ja4(), only().ja4());
    }

    @Test
    void plainTextStreamsGiveNothing() {
        syn();
        byte[] request = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes();
        client(request, 0, request.length, 0);
        byte[] body = new byte[24_000];
        for (int from = 0; from < body.length; from += 4000) {
            client(body, from, from + 4000, request.length);
        }
        assertEquals(0, hellos.size());
        assertEquals(Map.of(), rejections);
        assertEquals(true, state.done);
    }

    @Test
    void theFirstFlightIsBoundedAt16KiB() {
        ClientHelloBuilder b = new ClientHelloBuilder();
        b.extension(0xfe02, new byte[15_900]);
        byte[] hello = b.records(100); // 160 records: their headers push the ClientHello beyond 16 KiB
        syn();
        for (int from = 0; from < hello.length; from += 1400) {
            client(hello, from, Math.min(hello.length, from + 1400), 0);
        }
        assertEquals(0, hellos.size());
        assertEquals(Map.of(TlsReject.TOO_LONG, 1), rejections);
    }

    @Test
    void aClientHelloCutByTheConnectionsEndIsCounted() {
        byte[] hello = bigHello();
        syn();
        client(hello, 0, 1000, 0);
        feed(packet(true, TcpPacket.ACK | TcpPacket.FIN, ISN + 1 + 1000, new byte[0], 0, 0));
        assertNull(state);
        assertEquals(0, hellos.size());
        assertEquals(Map.of(TlsReject.INCOMPLETE, 1), rejections);
    }

    @Test
    void sniAndAlpnAreMadeSafeForTheLog() {
        ClientHelloBuilder b = ClientHelloBuilder.specExample();
        b.extensions.removeIf(e -> Ja4Test.type(e) == 0x0000 || Ja4Test.type(e) == 0x0010);
        b.sni("evil|host\n").alpn("a,b", "h2");
        Observation.Tls tls = TlsTracker.fingerprint(b.parse(), 1);
        assertEquals("evil?host?", tls.sni());
        assertEquals(List.of("a?b", "h2"), tls.alpn());
    }
}
