package io.passivetcp.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** JA4 by FoxIO's specification (technical_details/JA4.md), starting from its worked example. */
class Ja4Test {
    static final String SPEC_JA4 = "t13d1516h2_8daaf6152771_e5627efa2ab1";
    static final String SPEC_JA4_R = "t13d1516h2_002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,"
            + "cca8,cca9_0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01_"
            + "0403,0804,0401,0503,0805,0501,0806,0601";
    static final String SPEC_JA4_O = "t13d1516h2_acb858a92679_18f69afefd3d";
    static final String SPEC_JA4_RO = "t13d1516h2_1301,1302,1303,c02b,c02f,c02c,c030,cca9,cca8,c013,c014,009c,009d,"
            + "002f,0035_001b,0000,0033,0010,4469,0017,002d,000d,0005,0023,0012,002b,ff01,000b,000a,0015_"
            + "0403,0804,0401,0503,0805,0501,0806,0601";

    @Test
    void specWorkedExample() {
        Ja4 ja4 = Ja4.of(ClientHelloBuilder.specExample().parse());
        assertEquals(SPEC_JA4, ja4.fingerprint());
        assertEquals(SPEC_JA4_R, ja4.raw());
        assertEquals(SPEC_JA4_O, ja4.original());
        assertEquals(SPEC_JA4_RO, ja4.rawOriginal());
    }

    @Test
    void greaseIsRemovedEverywhereSignatureAlgorithmsIncluded() {
        ClientHelloBuilder b = ClientHelloBuilder.specExample();
        b.ciphers = prepend(0x2a2a, b.ciphers);
        b.extensions.add(0, new ClientHelloBuilder().extension(0xdada, new byte[0]).extensions.get(0));
        b.extensions.add(new ClientHelloBuilder().extension(0x1a1a, new byte[] {0}).extensions.get(0));
        replace(b, 0x000d, new ClientHelloBuilder().u16Vector(0x000d, 0xfafa, 0x0403, 0x0804, 0x0401, 0x0503, 0x0805,
                0x0501, 0x0806, 0x0601));
        replace(b, 0x002b, new ClientHelloBuilder().supportedVersions(0x7a7a, 0x0304, 0x0303));
        ClientHello hello = b.parse();
        assertEquals(SPEC_JA4, Ja4.of(hello).fingerprint());
        assertEquals(SPEC_JA4_O, Ja4.of(hello).original());
        // Older implementations kept GREASE signature algorithms: a different c part.
        String legacy = Ja4.of(hello, Ja4.AlpnRule.HEX, true).raw();
        assertEquals(SPEC_JA4_R.replace("_0403,0804", "_fafa,0403,0804"), legacy);
    }

    @Test
    void versionComesFromSupportedVersionsElseTheHelloNeverTheRecord() {
        ClientHelloBuilder b = ClientHelloBuilder.specExample();
        b.recordVersion = 0x0301;
        b.version = 0x0303;
        assertEquals("t13", Ja4.of(b.parse()).fingerprint().substring(0, 3));
        b.extensions.removeIf(e -> type(e) == 0x002b);
        assertEquals("t12d1515h2", Ja4.of(b.parse()).fingerprint().substring(0, 10));
        b.version = 0x0301;
        b.recordVersion = 0x0303;
        assertEquals("t10", Ja4.of(b.parse()).fingerprint().substring(0, 3));
        b.version = 0x0300;
        assertEquals("ts3", Ja4.of(b.parse()).fingerprint().substring(0, 3));
        b.version = 0x7f17;
        assertEquals("t00", Ja4.of(b.parse()).fingerprint().substring(0, 3));
    }

    @Test
    void noSniGivesI() {
        ClientHelloBuilder b = ClientHelloBuilder.specExample();
        b.extensions.removeIf(e -> type(e) == 0x0000);
        String ja4 = Ja4.of(b.parse()).fingerprint();
        assertEquals("t13i1515h2_8daaf6152771_e5627efa2ab1", ja4); // SNI is not in the c hash
    }

    @Test
    void countsAreCappedAt99() {
        ClientHelloBuilder b = ClientHelloBuilder.specExample();
        b.ciphers = new int[150];
        for (int i = 0; i < b.ciphers.length; i++) {
            b.ciphers[i] = 0x0100 + i;
        }
        for (int i = 0; i < 120; i++) {
            b.extension(0xfe00 + i, new byte[0]);
        }
        assertEquals("t13d9999h2", Ja4.of(b.parse()).fingerprint().substring(0, 10));
    }

    @Test
    void emptyListsGiveZeroHashes() {
        ClientHelloBuilder b = new ClientHelloBuilder();
        b.withExtensionBlock = false;
        assertEquals("t12i000000_000000000000_000000000000", Ja4.of(b.parse()).fingerprint());
        ClientHelloBuilder onlySniAndAlpn = new ClientHelloBuilder().sni("a.example").alpn("h2");
        onlySniAndAlpn.ciphers = new int[] {0x1301};
        assertEquals("000000000000", Ja4.of(onlySniAndAlpn.parse()).fingerprint().substring(24));
    }

    @Test
    void noSignatureAlgorithmsMeansNoUnderscore() {
        ClientHelloBuilder b = ClientHelloBuilder.specExample();
        b.extensions.removeIf(e -> type(e) == 0x000d);
        Ja4 ja4 = Ja4.of(b.parse());
        // The spec's example: the extension list alone hashes to 6d807ffa2a79; 0x000d itself is gone here too.
        assertEquals("0005,000a,000b,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01",
                ja4.raw().substring(ja4.raw().lastIndexOf('_') + 1));
        assertEquals(Digests.sha256Hex("0005,000a,000b,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01")
                .substring(0, 12), ja4.fingerprint().substring(24));
        assertEquals("6d807ffa2a79", Digests.sha256Hex(
                "0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01").substring(0, 12));
    }

    @Test
    void alpnFirstAndLastCharactersAndTheSpecsHexRule() {
        assertEquals("h2", alpn("h2"));
        assertEquals("h1", alpn("http/1.1"));
        assertEquals("aa", alpn("a"));
        assertEquals("00", Ja4.alpnChars(List.of(), Ja4.AlpnRule.HEX));
        assertEquals("00", Ja4.alpnChars(List.of(new byte[0]), Ja4.AlpnRule.HEX));
        assertEquals("ab", hex(0xAB));
        assertEquals("ad", hex(0xAB, 0xCD));
        assertEquals("3b", hex(0x30, 0xAB));
        assertEquals("3d", hex(0x30, 0x31, 0xAB, 0xCD));
        assertEquals("01", hex(0x30, 0xAB, 0xCD, 0x31));
        // the older reference code's rule, kept to explain its output
        assertEquals("09", Ja4.alpnChars(List.of(new byte[] {0x30, (byte) 0xAB}), Ja4.AlpnRule.NINE));
    }

    @Test
    void ja3OfAKnownString() {
        // arkime's tls-split-client-hello test: its ja3string and ja3
        String s = "771,4865-4866-4867-49195-49199-49196-49200-52393-52392-49171-49172-156-157-47-53,"
                + "13-18-45-27-65037-43-51-0-11-35-5-23-16-10-65281-17513,4588-29-23-24,0";
        assertEquals("35708a08e7be9f7aa5bce7f2d5c1cecb", Ja3.hash(s));
        ClientHelloBuilder b = new ClientHelloBuilder();
        b.ciphers = new int[] {0x0a0a, 4865, 47};
        b.extension(0x2a2a, new byte[0]).sni("x").u16Vector(0x000a, 0x3a3a, 29, 23).pointFormats(0);
        assertEquals("771,4865-47,0-10-11,29-23,0", Ja3.string(b.parse()));
    }

    private static String alpn(String value) {
        return Ja4.alpnChars(List.of(value.getBytes(StandardCharsets.ISO_8859_1)), Ja4.AlpnRule.HEX);
    }

    private static String hex(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Ja4.alpnChars(List.of(b), Ja4.AlpnRule.HEX);
    }

    static int type(byte[] extension) {
        return (extension[0] & 0xFF) << 8 | (extension[1] & 0xFF);
    }

    private static void replace(ClientHelloBuilder b, int type, ClientHelloBuilder with) {
        for (int i = 0; i < b.extensions.size(); i++) {
            if (type(b.extensions.get(i)) == type) {
                b.extensions.set(i, with.extensions.get(0));
            }
        }
    }

    private static int[] prepend(int v, int[] values) {
        int[] out = new int[values.length + 1];
        out[0] = v;
        System.arraycopy(values, 0, out, 1, values.length);
        return out;
    }
}
