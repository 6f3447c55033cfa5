package io.passivetcp.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The ClientHello parser on truncated, lying and hostile input: a result and a reason, never an exception. */
class ClientHelloParserTest {
    private static ParseResult parse(byte[] b) {
        return ClientHelloParser.parse(b, 0, b.length);
    }

    private static void assertRejected(TlsReject reason, byte[] b) {
        ParseResult r = parse(b);
        assertEquals(ParseResult.Status.REJECTED, r.status(), r.toString());
        assertEquals(reason, r.reject());
    }

    @Test
    void everyPrefixNeedsMoreAndTheWholeIsComplete() {
        for (byte[] hello : new byte[][] {ClientHelloBuilder.specExample().record(),
                ClientHelloBuilder.specExample().records(97)}) {
            for (int n = 0; n < hello.length; n++) {
                assertEquals(ParseResult.NEED_MORE, ClientHelloParser.parse(hello, 0, n), "prefix " + n);
            }
            assertEquals(Ja4Test.SPEC_JA4, Ja4.of(parse(hello).hello()).fingerprint());
        }
    }

    @Test
    void otherProtocolsAndHandshakesAreNotClientHellos() {
        assertEquals(ParseResult.NOT_CLIENT_HELLO, parse("GET / HTTP/1.1\r\n".getBytes()));
        assertEquals(ParseResult.NOT_CLIENT_HELLO, parse(new byte[] {0x17, 3, 3, 0, 5}));
        assertEquals(ParseResult.NOT_CLIENT_HELLO, parse(new byte[] {22, 3, 3, 0, 40, 2})); // a ServerHello
        assertEquals(ParseResult.NOT_CLIENT_HELLO, parse(new byte[] {22, 3, 9}));
        assertEquals(ParseResult.NEED_MORE, parse(new byte[] {22}));
    }

    @Test
    void lengthsThatLie() {
        byte[] ok = ClientHelloBuilder.specExample().record();
        byte[] b = ok.clone();
        b[3] = (byte) 0x40; // record length 2^14 + ...
        b[4] = 1;
        assertRejected(TlsReject.RECORD_LENGTH, b);
        b = ok.clone();
        b[3] = 0;
        b[4] = 0;
        assertRejected(TlsReject.RECORD_LENGTH, b);
        b = ok.clone();
        b[6] = 0x7f; // handshake length of 8 MB
        assertRejected(TlsReject.HELLO_LENGTH, b);
        b = ok.clone();
        b[6] = 0;
        b[7] = 0;
        b[8] = 10;
        assertRejected(TlsReject.HELLO_LENGTH, b);

        ClientHelloBuilder longSession = ClientHelloBuilder.specExample();
        longSession.sessionId = new byte[33];
        assertRejected(TlsReject.SESSION_ID_LENGTH, longSession.record());

        int cipherLength = 5 + 4 + 2 + 32 + 1 + 32; // offset of the cipher suites length
        b = ok.clone();
        b[cipherLength + 1] |= 1; // odd
        assertRejected(TlsReject.CIPHER_SUITES_LENGTH, b);
        b = ok.clone();
        b[cipherLength] = (byte) 0xff; // beyond the hello
        assertRejected(TlsReject.CIPHER_SUITES_LENGTH, b);

        ClientHelloBuilder compression = new ClientHelloBuilder();
        compression.compression = new byte[0];
        compression.withExtensionBlock = false;
        byte[] c = compression.record();
        c[c.length - 1] = (byte) 200; // 200 compression methods in a 0-byte rest
        assertRejected(TlsReject.COMPRESSION_LENGTH, c);

        int extensions = cipherLength + 2 + 30 + 2; // 15 ciphers, then compression length and method
        b = ok.clone();
        b[extensions + 1]++; // extension block one byte longer than the rest
        assertRejected(TlsReject.EXTENSIONS_LENGTH, b);
        b = ok.clone();
        b[extensions + 2 + 3] = (byte) 0xff; // first extension's length runs past the block
        assertRejected(TlsReject.EXTENSION_LENGTH, b);
    }

    @Test
    void extensionBodiesThatLie() {
        assertRejected(TlsReject.EXTENSION_BODY,
                new ClientHelloBuilder().extension(0x0000, new byte[] {0, 9, 0, 0, 5, 'a'}).record());
        assertRejected(TlsReject.EXTENSION_BODY,
                new ClientHelloBuilder().extension(0x0010, new byte[] {0, 3, 5, 'h', '2'}).record());
        assertRejected(TlsReject.EXTENSION_BODY,
                new ClientHelloBuilder().extension(0x002b, new byte[] {3, 3, 4, 3}).record());
        assertRejected(TlsReject.EXTENSION_BODY,
                new ClientHelloBuilder().extension(0x000d, new byte[] {0, 4, 4, 3}).record());
        assertRejected(TlsReject.EXTENSION_BODY,
                new ClientHelloBuilder().extension(0x000a, new byte[] {0, 1, 0}).record());
        assertRejected(TlsReject.EXTENSION_BODY,
                new ClientHelloBuilder().extension(0x000b, new byte[] {4, 0}).record());
        // an empty server_name (as servers send it) still says "SNI present"
        ClientHello h = new ClientHelloBuilder().extension(0x0000, new byte[0]).parse();
        assertEquals(true, h.hasSni());
        assertEquals(null, h.sni());
    }

    @Test
    void hugeCountsAndExtensionLoops() {
        ClientHelloBuilder b = new ClientHelloBuilder();
        b.ciphers = new int[7000];
        Arrays.fill(b.ciphers, 0x002f);
        ClientHello many = b.parse();
        assertEquals(7000, many.ciphers().length);
        assertEquals("t12i990000", Ja4.of(many).fingerprint().substring(0, 10));

        ClientHelloBuilder loop = new ClientHelloBuilder();
        for (int i = 0; i < 4000; i++) {
            loop.extension(0x0005, new byte[0]); // the same empty extension, again and again
        }
        ClientHello looped = loop.parse();
        assertEquals(4000, looped.extensions().length);
        assertEquals("t12i0099", Ja4.of(looped).fingerprint().substring(0, 8));

        ClientHelloBuilder tooMany = new ClientHelloBuilder();
        for (int i = 0; i < 4200; i++) {
            tooMany.extension(0x0005, new byte[0]);
        }
        assertRejected(TlsReject.HELLO_LENGTH, tooMany.records(16_000)); // beyond the 16 KiB first flight
        assertRejected(TlsReject.RECORD_LENGTH, tooMany.record()); // and beyond the 2^14 bytes of a record
    }

    @Test
    void randomDamageNeverThrows() {
        Random random = new Random(5);
        byte[][] seeds = {ClientHelloBuilder.specExample().record(), ClientHelloBuilder.specExample().records(61)};
        for (int i = 0; i < 50_000; i++) {
            byte[] seed = seeds[i % 2];
            byte[] b = Arrays.copyOf(seed, random.nextInt(seed.length + 1));
            for (int k = random.nextInt(6); k >= 0 && b.length > 0; k--) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            ParseResult r = ClientHelloParser.parse(b, 0, b.length);
            assertNotNull(r);
            if (r.status() == ParseResult.Status.COMPLETE) {
                assertNotNull(Ja4.of(r.hello()).fingerprint());
                assertNotNull(Ja3.string(r.hello()));
            }
        }
    }
}
