package io.passivetcp.tls;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds ClientHello bytes (TLS records) for tests, field by field. */
final class ClientHelloBuilder {
    int recordVersion = 0x0301;
    int version = 0x0303;
    byte[] sessionId = new byte[32];
    int[] ciphers = {};
    byte[] compression = {0};
    boolean withExtensionBlock = true;
    final List<byte[]> extensions = new ArrayList<>();

    /** The spec's worked example (JA4.md): Chrome's ClientHello with SNI, ALPN h2 and TLS 1.3. */
    static ClientHelloBuilder specExample() {
        ClientHelloBuilder b = new ClientHelloBuilder();
        b.ciphers = new int[] {0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc013, 0xc014,
                0x009c, 0x009d, 0x002f, 0x0035};
        int[] order = {0x001b, 0x0000, 0x0033, 0x0010, 0x4469, 0x0017, 0x002d, 0x000d, 0x0005, 0x0023, 0x0012, 0x002b,
                0xff01, 0x000b, 0x000a, 0x0015};
        for (int type : order) {
            switch (type) {
                case 0x0000 -> b.sni("example.com");
                case 0x0010 -> b.alpn("h2", "http/1.1");
                case 0x000d -> b.u16Vector(0x000d, 0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601);
                case 0x002b -> b.supportedVersions(0x0304, 0x0303);
                case 0x000a -> b.u16Vector(0x000a, 0x001d, 0x0017, 0x0018);
                case 0x000b -> b.pointFormats(0);
                default -> b.extension(type, new byte[0]);
            }
        }
        return b;
    }

    ClientHelloBuilder extension(int type, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, type);
        u16(out, body.length);
        out.writeBytes(body);
        extensions.add(out.toByteArray());
        return this;
    }

    ClientHelloBuilder sni(String host) {
        byte[] name = host.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, name.length + 3);
        out.write(0);
        u16(out, name.length);
        out.writeBytes(name);
        return extension(0x0000, out.toByteArray());
    }

    ClientHelloBuilder alpn(String... names) {
        List<byte[]> raw = new ArrayList<>();
        for (String n : names) {
            raw.add(n.getBytes(StandardCharsets.ISO_8859_1));
        }
        return alpnBytes(raw.toArray(new byte[0][]));
    }

    ClientHelloBuilder alpnBytes(byte[]... names) {
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        for (byte[] n : names) {
            list.write(n.length);
            list.writeBytes(n);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, list.size());
        out.writeBytes(list.toByteArray());
        return extension(0x0010, out.toByteArray());
    }

    ClientHelloBuilder supportedVersions(int... versions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(versions.length * 2);
        for (int v : versions) {
            u16(out, v);
        }
        return extension(0x002b, out.toByteArray());
    }

    ClientHelloBuilder u16Vector(int type, int... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, values.length * 2);
        for (int v : values) {
            u16(out, v);
        }
        return extension(type, out.toByteArray());
    }

    ClientHelloBuilder pointFormats(int... formats) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(formats.length);
        for (int f : formats) {
            out.write(f);
        }
        return extension(0x000b, out.toByteArray());
    }

    /** The handshake message: type 1, 24-bit length, body. */
    byte[] handshake() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        u16(body, version);
        body.writeBytes(new byte[32]);
        body.write(sessionId.length);
        body.writeBytes(sessionId);
        u16(body, ciphers.length * 2);
        for (int c : ciphers) {
            u16(body, c);
        }
        body.write(compression.length);
        body.writeBytes(compression);
        if (withExtensionBlock) {
            int n = extensions.stream().mapToInt(e -> e.length).sum();
            u16(body, n);
            extensions.forEach(body::writeBytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        out.write(body.size() >>> 16);
        u16(out, body.size() & 0xFFFF);
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** The handshake in one record. */
    byte[] record() {
        return records(Integer.MAX_VALUE);
    }

    /** The handshake in records of at most {@code fragment} bytes each. */
    byte[] records(int fragment) {
        byte[] h = handshake();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int pos = 0; pos < h.length; pos += fragment) {
            int n = Math.min(fragment, h.length - pos);
            out.write(22);
            u16(out, recordVersion);
            u16(out, n);
            out.write(h, pos, n);
        }
        return out.toByteArray();
    }

    ClientHello parse() {
        byte[] r = record();
        ParseResult result = ClientHelloParser.parse(r, 0, r.length);
        if (result.status() != ParseResult.Status.COMPLETE) {
            throw new AssertionError("built ClientHello does not parse: " + result);
        }
        return result.hello();
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }
}
