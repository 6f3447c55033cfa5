package io.passivetcp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import io.passivetcp.http.HttpFingerprint;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.tcp.TcpMatch;
import io.passivetcp.output.OutputOrdered;

/**
 * One p0f event ({@code mod=syn}, {@code mtu}, ...): what was observed, about whom, and where it stands in the input.
 *
 * <p>The position ({@link #tsMicros}, {@link #captureId}, {@link #ordinal}, {@link #step}) restores p0f's output
 * order after a parallel run: packets in event-time order, ties by capture and position in it, and within one packet
 * the order in which p0f prints (spec §8.9), given by {@link #step}.
 */
public final class Observation extends PacketContext implements OutputOrdered {
    /**
     * Steps within one packet, in p0f's print order (spec §8.9): SYN and SYN+ACK print fingerprint, NAT event, mtu,
     * uptime; a data segment prints uptime, http, the application check's event, the HTTP NAT event.
     */
    public static final int STEP_FINGERPRINT = 0, STEP_TCP_NAT = 1, STEP_MTU = 2, STEP_UPTIME = 3, STEP_HTTP = 4,
            STEP_HTTP_APP_CHECK = 5, STEP_HTTP_NAT = 6;
    /** A TLS client fingerprint ({@code tls client}), our extension: after every p0f event of its packet. */
    public static final int STEP_TLS = 7;
    /** A connection summary ({@value #CONNECTION}): never printed, only written to the {@code connections} table. */
    public static final int STEP_CONNECTION = 8;

    /** Module of a connection summary; not a p0f event, so the text outputs never see it. */
    public static final String CONNECTION = "connection";
    /** Module of a host profile ({@link Host}); not a p0f event either, only a row of the {@code hosts} table. */
    public static final String HOST = "host";

    public int step;

    /** The {@code mod=} value, e.g. {@code syn+ack}. */
    public String module;
    /** Keys and values in p0f's order: key0, value0, key1, value1, ... */
    public String[] fields;
    /**
     * Typed values behind the printed fields, for the tables (not printed): {@link Tcp}, {@link Http},
     * {@link Uptime}, {@link Tls}, {@link Connection} or {@link Host}; null for events whose fields say everything (mtu, host change, ip
     * sharing).
     */
    public Data data;
    /**
     * {@link io.passivetcp.signature.SignatureDatabase#version()} of the database in force when the observation was
     * made: with hot reload, rows before and after a database change carry their own.
     */
    public String databaseVersion;

    public Observation() {}

    @Override
    public long orderMicros() {
        return orderMicros;
    }

    @Override
    public long captureId() {
        return captureId;
    }

    @Override
    public long ordinal() {
        return ordinal;
    }

    @Override
    public int step() {
        return step;
    }

    @Override
    public String module() {
        return module;
    }

    public Observation(String module, boolean subjectIsClient, int step, String... fields) {
        this.module = module;
        this.subjectIsClient = subjectIsClient;
        this.step = step;
        this.fields = fields;
    }

    public int fieldCount() {
        return fields.length / 2;
    }

    public String key(int i) {
        return fields[2 * i];
    }

    public String value(int i) {
        return fields[2 * i + 1];
    }

    /** The value of {@code key}, or null. */
    public String get(String key) {
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equals(key)) {
                return fields[i + 1];
            }
        }
        return null;
    }

    /** The typed values of one observation. */
    public sealed interface Data permits Tcp, Http, Uptime, Tls, Connection, Host {}

    /**
     * The signature an event was labelled with.
     *
     * @param type      {@code specific} or {@code generic} (label type {@code s} / {@code g}); null when unmatched
     * @param labelClass the OS class ({@code unix}, {@code win}, ...) or {@code !} for an application; null when
     *                   unmatched
     * @param name      label name; null when unmatched
     * @param flavor    label flavor, verbatim ("" when none); null when unmatched
     * @param matchKind {@code exact}, {@code generic}, {@code fuzzy} or {@code none}
     * @param line      line of the matched signature in the database, or -1
     */
    public record Label(String type, String labelClass, String name, String flavor, String matchKind, int line) {
        public static final Label NONE = new Label(null, null, null, null, "none", -1);

        /** The label of a TCP match (fuzzy before generic, as the match kind says). */
        public static Label of(SignatureDatabase db, TcpMatch m) {
            if (!m.matched()) {
                return NONE;
            }
            String kind = m.fuzzy() ? "fuzzy" : m.generic() ? "generic" : "exact";
            return of(db, m.signature().label(), kind, m.signature().line());
        }

        /** The label of an HTTP fingerprint. */
        public static Label of(SignatureDatabase db, HttpFingerprint fp) {
            return fp.match() == null ? NONE
                    : of(db, fp.label(), fp.match().generic() ? "generic" : "exact", fp.match().line());
        }

        private static Label of(SignatureDatabase db, io.passivetcp.signature.Label l, String matchKind, int line) {
            String labelClass = l.isApplication() ? "!" : db.classes().get(l.classId());
            return new Label(l.generic() ? "generic" : "specific", labelClass, l.name(), l.flavor(), matchKind, line);
        }
    }

    /**
     * The raw observables of a SYN or SYN+ACK (spec §2.5) and its label.
     *
     * @param initialTtl the guessed initial TTL (32, 64, 128 or 255), {@code ttl} + guessed distance
     * @param distance   hop distance as matched (an upper bound when {@code distanceIsBound})
     * @param window     the raw 16-bit window
     * @param optionLayout option layout as in raw_sig, e.g. {@code mss,sok,ts,nop,ws}
     * @param quirks     quirks as in raw_sig, e.g. {@code df,id+}; "" when none
     * @param payloadClass {@code 0} or {@code +}
     * @param tos        the 6-bit DSCP
     * @param sendsyn    a p0f-sendsyn probe or its response
     */
    public record Tcp(int ttl, int initialTtl, int distance, boolean distanceIsBound, int ipOptionLength, int mss,
            int window, int windowScale, String optionLayout, String quirks, String payloadClass, int tos,
            boolean sendsyn, Label label) implements Data {}

    /**
     * An HTTP header block and its label.
     *
     * @param httpVersion    0 (HTTP/1.0) or 1 (HTTP/1.1)
     * @param headerNames    header names in order of arrival, as sent
     * @param headerValues   their values up to the first NUL, in the same order; null for a line without a value
     * @param software       User-Agent (request) or Server (response) value, or null
     * @param acceptLanguage Accept-Language value of a request, or null
     * @param userAgentOs    the OS a request's User-Agent names, by the database's {@code ua_os} list (spec §8.8), or
     *                       null
     */
    public record Http(int httpVersion, List<String> headerNames, List<String> headerValues, String software,
            String acceptLanguage, boolean dishonest, Label label, String userAgentOs) implements Data {}

    /**
     * @param minutes       uptime in minutes
     * @param moduloDays    the clock's wrap-around period in days
     * @param rawFrequency  the measured timestamp clock frequency, Hz
     */
    public record Uptime(long minutes, long moduloDays, double rawFrequency) implements Data {}

    /**
     * A TLS ClientHello's fingerprints (our extension of p0f's events).
     *
     * @param ja4            JA4, e.g. {@code t13d1516h2_8daaf6152771_e5627efa2ab1}
     * @param ja4Raw         {@code ja4_r}: the sorted lists instead of their hashes
     * @param ja4Original    {@code ja4_o}: hashes of the lists in wire order, SNI and ALPN included
     * @param ja4RawOriginal {@code ja4_ro}: those lists themselves
     * @param ja3            JA3 (MD5 hex of {@code ja3String})
     * @param sni            the server name asked for (non-printable bytes as {@code ?}), or null
     * @param alpn           ALPN protocol names offered, in order
     * @param versions       TLS versions offered ({@code TLSv1.3}, ...), GREASE removed
     * @param segments       TCP segments the ClientHello arrived in
     */
    public record Tls(String ja4, String ja4Raw, String ja4Original, String ja4RawOriginal, String ja3,
            String ja3String, String sni, List<String> alpn, List<String> versions, int segments) implements Data {}

    /**
     * One tracked connection from its SYN to its end: what each side showed. Times are microseconds since the
     * epoch.
     *
     * @param endReason  {@code fin_rst}, {@code http_done}, {@code new_syn}, {@code expired} or {@code end_of_input}
     * @param syn        the SYN's observables and label
     * @param synAck     the SYN+ACK's, or null when none was seen
     * @param clientMtu  client MTU from the SYN's MSS, or -1; {@code clientLink} its link type (null when none)
     * @param request    the first HTTP request's fingerprint, or null; {@code requestRawSig} / {@code requestLang}
     * @param response   the first HTTP response's fingerprint, or null
     * @param tls        the client's first TLS ClientHello fingerprint, or null
     */
    public record Connection(long startMicros, long endMicros, String endReason, long packets,
            Tcp syn, String synRawSig, String synParams, Tcp synAck, String synAckRawSig, String synAckParams,
            int clientMtu, String clientLink, int serverMtu, String serverLink,
            Http request, String requestRawSig, String requestLang, String requestParams,
            Http response, String responseRawSig, String responseParams, Tls tls) implements Data {}

    /**
     * What one host showed over one UTC day, or one capture under {@code --state-scope capture}: the events about it
     * folded by {@link io.passivetcp.host.HostProfile}. Every list is a tally, most frequent first.
     *
     * @param capture      the capture under {@code --state-scope capture}, else null
     * @param events       events about the host
     * @param clientTcp    fingerprints of its SYNs, with their labels; {@code serverTcp} of its SYN+ACKs
     * @param mtus         MTU and link type of its {@code mtu} events
     * @param uptimeAt     position of the latest uptime estimate, {@code uptime} itself and {@code uptimeMicros} its
     *                     time; all null (and 0) when none
     * @param userAgents   User-Agents of its requests, with the OS each names; {@code servers} of its responses
     * @param ja4          JA4 of its TLS ClientHellos
     * @param lastAt       position of its latest event, whose database version the row carries
     */
    public record Host(String capture, long firstSeenMicros, long lastSeenMicros, long events,
            List<Tally<Fingerprint>> clientTcp, List<Tally<Fingerprint>> serverTcp, List<Tally<Mtu>> mtus, Position uptimeAt, Uptime uptime, long uptimeMicros,
            List<Tally<UserAgent>> userAgents, List<Tally<String>> servers, List<Tally<String>> ja4,
            long hostChanges, long ipSharing, Position lastAt) implements Data {}

    /** A value and how many events showed it. */
    public record Tally<K>(K value, long count) {}

    /**
     * A SYN's or SYN+ACK's fingerprint as a host profile keeps it: what the matcher reads ({@code raw_sig} and the
     * window), the TTL seen, then what the database made of it (initial TTL, distance, label). The fields that do not
     * depend on the database come first, so a tally's order does not either.
     */
    public record Fingerprint(String rawSig, int window, int ttl, int initialTtl, int distance, Label label) {}

    /** MTU and link type of an {@code mtu} event. */
    public record Mtu(int mtu, String link) {}

    /** A User-Agent and the OS it names ({@link Http#userAgentOs}), or null. */
    public record UserAgent(String userAgent, String os) {}

    /** An event's place in p0f's output order. */
    public record Position(long orderMicros, long captureId, long ordinal, int step, String module)
            implements OutputOrdered {
        public static Position of(Observation o) {
            return new Position(o.orderMicros, o.captureId, o.ordinal, o.step, o.module);
        }
    }

    // ---- wire form of the typed values: explicit, shared by the Flink serializer and the flow state ----

    private static final byte NO_DATA = 0, TCP = 1, HTTP = 2, UPTIME = 3, CONNECTION_DATA = 4, TLS = 5, HOST_DATA = 6;
    private static final String[] MATCH_KINDS = {"none", "exact", "generic", "fuzzy"};

    /** Writes {@code d} (null allowed). */
    public static void writeData(Data d, DataOutput out) throws IOException {
        if (d == null) {
            out.writeByte(NO_DATA);
        } else if (d instanceof Tcp t) {
            out.writeByte(TCP);
            writeTcp(t, out);
        } else if (d instanceof Http h) {
            out.writeByte(HTTP);
            writeHttp(h, out);
        } else if (d instanceof Uptime u) {
            out.writeByte(UPTIME);
            out.writeLong(u.minutes());
            out.writeLong(u.moduloDays());
            out.writeDouble(u.rawFrequency());
        } else if (d instanceof Tls t) {
            out.writeByte(TLS);
            writeTls(t, out);
        } else if (d instanceof Host h) {
            out.writeByte(HOST_DATA);
            writeHost(h, out);
        } else {
            Connection c = (Connection) d;
            out.writeByte(CONNECTION_DATA);
            out.writeLong(c.startMicros());
            out.writeLong(c.endMicros());
            writeText(c.endReason(), out);
            out.writeLong(c.packets());
            writeOptionalTcp(c.syn(), out);
            writeText(c.synRawSig(), out);
            writeText(c.synParams(), out);
            writeOptionalTcp(c.synAck(), out);
            writeText(c.synAckRawSig(), out);
            writeText(c.synAckParams(), out);
            out.writeInt(c.clientMtu());
            writeText(c.clientLink(), out);
            out.writeInt(c.serverMtu());
            writeText(c.serverLink(), out);
            writeOptionalHttp(c.request(), out);
            writeText(c.requestRawSig(), out);
            writeText(c.requestLang(), out);
            writeText(c.requestParams(), out);
            writeOptionalHttp(c.response(), out);
            writeText(c.responseRawSig(), out);
            writeText(c.responseParams(), out);
            out.writeBoolean(c.tls() != null);
            if (c.tls() != null) {
                writeTls(c.tls(), out);
            }
        }
    }

    /** Reads what {@link #writeData} wrote. */
    public static Data readData(DataInput in) throws IOException {
        switch (in.readByte()) {
            case NO_DATA:
                return null;
            case TCP:
                return readTcp(in);
            case HTTP:
                return readHttp(in);
            case UPTIME:
                return new Uptime(in.readLong(), in.readLong(), in.readDouble());
            case TLS:
                return readTls(in);
            case HOST_DATA:
                return readHost(in);
            case CONNECTION_DATA:
                return new Connection(in.readLong(), in.readLong(), readText(in), in.readLong(),
                        readOptionalTcp(in), readText(in), readText(in),
                        readOptionalTcp(in), readText(in), readText(in),
                        in.readInt(), readText(in), in.readInt(), readText(in),
                        readOptionalHttp(in), readText(in), readText(in), readText(in),
                        readOptionalHttp(in), readText(in), readText(in),
                        in.readBoolean() ? readTls(in) : null);
            default:
                throw new IOException("unknown observation data tag");
        }
    }

    /** {@code d} as bytes (for keeping it in state that is a plain POJO). */
    public static byte[] dataToBytes(Data d) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeData(d, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Data dataFromBytes(byte[] b) {
        try {
            return readData(new DataInputStream(new ByteArrayInputStream(b)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeTcp(Tcp t, DataOutput out) throws IOException {
        out.writeByte(t.ttl());
        out.writeShort(t.initialTtl());
        out.writeShort(t.distance());
        out.writeBoolean(t.distanceIsBound());
        out.writeByte(t.ipOptionLength());
        out.writeChar(t.mss());
        out.writeChar(t.window());
        out.writeByte(t.windowScale());
        writeText(t.optionLayout(), out);
        writeText(t.quirks(), out);
        writeText(t.payloadClass(), out);
        out.writeByte(t.tos());
        out.writeBoolean(t.sendsyn());
        writeLabel(t.label(), out);
    }

    private static Tcp readTcp(DataInput in) throws IOException {
        return new Tcp(in.readUnsignedByte(), in.readShort(), in.readShort(), in.readBoolean(), in.readUnsignedByte(),
                in.readChar(), in.readChar(), in.readUnsignedByte(), readText(in), readText(in), readText(in),
                in.readUnsignedByte(), in.readBoolean(), readLabel(in));
    }

    private static void writeHttp(Http h, DataOutput out) throws IOException {
        out.writeByte(h.httpVersion());
        writeStrings(h.headerNames(), out);
        for (String value : h.headerValues()) {
            writeText(value, out);
        }
        writeText(h.software(), out);
        writeText(h.acceptLanguage(), out);
        out.writeBoolean(h.dishonest());
        writeLabel(h.label(), out);
        writeText(h.userAgentOs(), out);
    }

    private static Http readHttp(DataInput in) throws IOException {
        int version = in.readUnsignedByte();
        List<String> names = readStrings(in);
        List<String> values = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            values.add(readText(in));
        }
        return new Http(version, names, Collections.unmodifiableList(values), readText(in), readText(in),
                in.readBoolean(), readLabel(in), readText(in));
    }

    private static void writeTls(Tls t, DataOutput out) throws IOException {
        writeText(t.ja4(), out);
        writeText(t.ja4Raw(), out);
        writeText(t.ja4Original(), out);
        writeText(t.ja4RawOriginal(), out);
        writeText(t.ja3(), out);
        writeText(t.ja3String(), out);
        writeText(t.sni(), out);
        writeStrings(t.alpn(), out);
        writeStrings(t.versions(), out);
        out.writeInt(t.segments());
    }

    private static Tls readTls(DataInput in) throws IOException {
        return new Tls(readText(in), readText(in), readText(in), readText(in), readText(in), readText(in),
                readText(in), readStrings(in), readStrings(in), in.readInt());
    }

    private static void writeHost(Host h, DataOutput out) throws IOException {
        writeText(h.capture(), out);
        out.writeLong(h.firstSeenMicros());
        out.writeLong(h.lastSeenMicros());
        out.writeLong(h.events());
        writeTallies(h.clientTcp(), Observation::writeFingerprint, out);
        writeTallies(h.serverTcp(), Observation::writeFingerprint, out);
        writeTallies(h.mtus(), (m, o) -> {
            o.writeInt(m.mtu());
            writeText(m.link(), o);
        }, out);
        out.writeBoolean(h.uptime() != null);
        if (h.uptime() != null) {
            writePosition(h.uptimeAt(), out);
            out.writeLong(h.uptime().minutes());
            out.writeLong(h.uptime().moduloDays());
            out.writeDouble(h.uptime().rawFrequency());
            out.writeLong(h.uptimeMicros());
        }
        writeTallies(h.userAgents(), (u, o) -> {
            writeText(u.userAgent(), o);
            writeText(u.os(), o);
        }, out);
        writeTallies(h.servers(), Observation::writeText, out);
        writeTallies(h.ja4(), Observation::writeText, out);
        out.writeLong(h.hostChanges());
        out.writeLong(h.ipSharing());
        writePosition(h.lastAt(), out);
    }

    private static Host readHost(DataInput in) throws IOException {
        String capture = readText(in);
        long first = in.readLong();
        long last = in.readLong();
        long events = in.readLong();
        List<Tally<Fingerprint>> clientTcp = readTallies(in, Observation::readFingerprint);
        List<Tally<Fingerprint>> serverTcp = readTallies(in, Observation::readFingerprint);
        List<Tally<Mtu>> mtus = readTallies(in, i -> new Mtu(i.readInt(), readText(i)));
        Position uptimeAt = null;
        Uptime uptime = null;
        long uptimeMicros = 0;
        if (in.readBoolean()) {
            uptimeAt = readPosition(in);
            uptime = new Uptime(in.readLong(), in.readLong(), in.readDouble());
            uptimeMicros = in.readLong();
        }
        List<Tally<UserAgent>> userAgents = readTallies(in, i -> new UserAgent(readText(i), readText(i)));
        List<Tally<String>> servers = readTallies(in, Observation::readText);
        List<Tally<String>> ja4 = readTallies(in, Observation::readText);
        return new Host(capture, first, last, events, clientTcp, serverTcp, mtus, uptimeAt, uptime,
                uptimeMicros, userAgents, servers, ja4, in.readLong(), in.readLong(), readPosition(in));
    }

    private static void writeFingerprint(Fingerprint f, DataOutput out) throws IOException {
        writeText(f.rawSig(), out);
        out.writeChar(f.window());
        out.writeByte(f.ttl());
        out.writeShort(f.initialTtl());
        out.writeShort(f.distance());
        writeLabel(f.label(), out);
    }

    private static Fingerprint readFingerprint(DataInput in) throws IOException {
        return new Fingerprint(readText(in), in.readChar(), in.readUnsignedByte(), in.readShort(), in.readShort(),
                readLabel(in));
    }

    private interface ValueWriter<K> {
        void write(K value, DataOutput out) throws IOException;
    }

    private interface ValueReader<K> {
        K read(DataInput in) throws IOException;
    }

    private static <K> void writeTallies(List<Tally<K>> tallies, ValueWriter<K> writer, DataOutput out)
            throws IOException {
        out.writeInt(tallies.size());
        for (Tally<K> t : tallies) {
            writer.write(t.value(), out);
            out.writeLong(t.count());
        }
    }

    private static <K> List<Tally<K>> readTallies(DataInput in, ValueReader<K> reader) throws IOException {
        int n = in.readInt();
        List<Tally<K>> tallies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tallies.add(new Tally<>(reader.read(in), in.readLong()));
        }
        return List.copyOf(tallies);
    }

    private static void writePosition(Position p, DataOutput out) throws IOException {
        out.writeLong(p.orderMicros());
        out.writeLong(p.captureId());
        out.writeLong(p.ordinal());
        out.writeByte(p.step());
        writeText(p.module(), out);
    }

    private static Position readPosition(DataInput in) throws IOException {
        return new Position(in.readLong(), in.readLong(), in.readLong(), in.readUnsignedByte(), readText(in));
    }

    private static void writeStrings(List<String> strings, DataOutput out) throws IOException {
        out.writeShort(strings.size());
        for (String s : strings) {
            writeText(s, out);
        }
    }

    private static List<String> readStrings(DataInput in) throws IOException {
        int n = in.readUnsignedShort();
        List<String> strings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            strings.add(readText(in));
        }
        return List.copyOf(strings);
    }

    private static void writeOptionalTcp(Tcp t, DataOutput out) throws IOException {
        out.writeBoolean(t != null);
        if (t != null) {
            writeTcp(t, out);
        }
    }

    private static Tcp readOptionalTcp(DataInput in) throws IOException {
        return in.readBoolean() ? readTcp(in) : null;
    }

    private static void writeOptionalHttp(Http h, DataOutput out) throws IOException {
        out.writeBoolean(h != null);
        if (h != null) {
            writeHttp(h, out);
        }
    }

    private static Http readOptionalHttp(DataInput in) throws IOException {
        return in.readBoolean() ? readHttp(in) : null;
    }

    private static void writeLabel(Label l, DataOutput out) throws IOException {
        writeText(l.type(), out);
        writeText(l.labelClass(), out);
        writeText(l.name(), out);
        writeText(l.flavor(), out);
        out.writeByte(Arrays.asList(MATCH_KINDS).indexOf(l.matchKind()));
        out.writeInt(l.line());
    }

    private static Label readLabel(DataInput in) throws IOException {
        return new Label(readText(in), readText(in), readText(in), readText(in),
                MATCH_KINDS[in.readByte()], in.readInt());
    }

    /**
     * A string (null allowed) as the count and bytes of its UTF-8 form, -1 for null: for the ASCII that nearly all of
     * them are, a copy each way, where {@code writeUTF} and {@code readUTF} go char by char. The strings come from
     * decoded bytes, so they hold no lone surrogates, which UTF-8 would not keep.
     */
    public static void writeText(String s, DataOutput out) throws IOException {
        writeBytes(s == null ? null : s.getBytes(StandardCharsets.UTF_8), out);
    }

    /** Reads what {@link #writeText} wrote. */
    public static String readText(DataInput in) throws IOException {
        byte[] utf8 = readBytes(in);
        return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
    }

    /** A byte array (null allowed) as its length, -1 for null, and its bytes. */
    public static void writeBytes(byte[] b, DataOutput out) throws IOException {
        out.writeInt(b == null ? -1 : b.length);
        if (b != null) {
            out.write(b);
        }
    }

    /** Reads what {@link #writeBytes} wrote. */
    public static byte[] readBytes(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Observation)) {
            return false;
        }
        Observation x = (Observation) o;
        return tsMicros == x.tsMicros && tsSeconds == x.tsSeconds && orderMicros == x.orderMicros && captureId == x.captureId && ordinal == x.ordinal && step == x.step
                && subjectIsClient == x.subjectIsClient && ipVersion == x.ipVersion
                && clientPort == x.clientPort && serverPort == x.serverPort
                && module.equals(x.module) && String.valueOf(capture).equals(String.valueOf(x.capture))
                && Arrays.equals(client, x.client) && Arrays.equals(server, x.server)
                && Arrays.equals(fields, x.fields) && Objects.equals(data, x.data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(tsMicros) * 31 + Long.hashCode(ordinal) * 7 + module.hashCode() + step;
    }

    @Override
    public String toString() {
        return module + "@" + capture + "#" + ordinal + "." + step + " " + Arrays.toString(fields);
    }
}
