package io.passivetcp.signature;

import io.passivetcp.http.HttpSignature;
import io.passivetcp.mtu.MtuSignature;
import io.passivetcp.tcp.TcpSignature;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded p0f v3 signature database ({@code p0f.fp}): immutable, safe to share between threads.
 *
 * <h2>Loading</h2>
 * {@link #parse} and {@link #load} accept exactly what p0f 3.09b accepts (spec §3): the same line, section and
 * statement rules, the same TCP/HTTP/MTU {@code sig} grammars (including BUG-3), and the same load-time duplicate
 * detection (including BUG-5). Anything p0f rejects raises a {@link SignatureSyntaxException} naming the line.
 *
 * <h2>Contents</h2>
 * Signatures per section in file order (matching walks them in that order), the class and name tables, the
 * {@code ua_os} map, the {@code [mtu]} table and the HTTP header-name table that the sigs extended (spec §7.5).
 */
public final class SignatureDatabase {
    private static final int VERSION_HEX_CHARS = 16;
    private static final int RECENTLY_PARSED_KEPT = 4;
    /** Parsed databases by name and text, least recently used first. */
    private static final Map<Map.Entry<String, String>, SignatureDatabase> RECENTLY_PARSED =
            new LinkedHashMap<>(RECENTLY_PARSED_KEPT, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Map.Entry<String, String>, SignatureDatabase> eldest) {
                    return size() > RECENTLY_PARSED_KEPT;
                }
            };

    private final String sourceName;
    private final String text;
    private final String version;
    private final List<String> classes;
    private final List<String> names;
    private final List<Label> labels;
    private final List<TcpSignature> tcpRequest;
    private final List<TcpSignature> tcpResponse;
    private final List<HttpSignature> httpRequest;
    private final List<HttpSignature> httpResponse;
    private final List<MtuSignature> mtuSignatures;
    private final Map<Integer, String> mtuLinks = new HashMap<>();
    private final List<UserAgentOs> uaOs;
    private final List<String> headerNames;
    private final Map<String, Integer> headerIds = new HashMap<>();
    private final int signatureCount;

    private SignatureDatabase(String sourceName, String text, DatabaseParser p) {
        this.sourceName = sourceName;
        this.text = text;
        this.version = versionOf(text);
        this.classes = List.copyOf(p.classes);
        this.names = p.names.all();
        this.labels = List.copyOf(p.labels);
        this.tcpRequest = List.copyOf(p.tcpRequest);
        this.tcpResponse = List.copyOf(p.tcpResponse);
        this.httpRequest = List.copyOf(p.httpRequest);
        this.httpResponse = List.copyOf(p.httpResponse);
        this.mtuSignatures = List.copyOf(p.mtu);
        for (MtuSignature m : mtuSignatures) {
            mtuLinks.putIfAbsent(m.mtu(), m.link()); // the first label listing a value wins [T customdb]
        }
        this.uaOs = List.copyOf(p.uaOs);
        this.headerNames = p.headers.names();
        for (int i = 0; i < headerNames.size(); i++) {
            headerIds.put(headerNames.get(i), i);
        }
        this.signatureCount = p.signatureCount;
    }

    /** Parses a whole p0f.fp text; {@code sourceName} only labels errors and {@link #sourceName()}. */
    public static SignatureDatabase parse(String sourceName, String text) throws SignatureSyntaxException {
        DatabaseParser parser = new DatabaseParser(sourceName);
        parser.parse(text);
        return new SignatureDatabase(sourceName, text, parser);
    }

    /**
     * {@link #parse}, at most once per JVM for the same name and text: every subtask of a job (and the command line
     * that checked the database before) shares one parsed database, which is immutable. The few most recent texts
     * are kept, so a database changing while {@code --follow} runs does not accumulate.
     */
    public static SignatureDatabase parseShared(String sourceName, String text) throws SignatureSyntaxException {
        Map.Entry<String, String> key = Map.entry(sourceName, text);
        synchronized (RECENTLY_PARSED) {
            SignatureDatabase parsed = RECENTLY_PARSED.get(key);
            if (parsed == null) {
                parsed = parse(sourceName, text);
                RECENTLY_PARSED.put(key, parsed);
            }
            return parsed;
        }
    }

    /** Reads {@code file} (see {@link #text(byte[])}) and parses it. */
    public static SignatureDatabase load(Path file) throws IOException, SignatureSyntaxException {
        return parse(file.toString(), text(Files.readAllBytes(file)));
    }

    /**
     * The text of a database file. p0f reads bytes, and its grammar is ASCII; bytes above 0x7F can only stand in a
     * flavor, a {@code sys} or {@code ua_os} name, or a header value. The file is read as UTF-8 when it is valid
     * UTF-8, else as Latin-1, one character per byte, so any file loads (or fails on its line) as it does in p0f.
     */
    public static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static String versionOf(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest).substring(0, VERSION_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    public String sourceName() {
        return sourceName;
    }

    /**
     * The database text exactly as parsed. {@code parse(sourceName(), text())} rebuilds an equal database, which is
     * the cheap way to ship one to another JVM (e.g. as Flink broadcast data).
     */
    public String text() {
        return text;
    }

    /** {@code sha256:} + the first 16 hex digits of SHA-256 over the UTF-8 text; identifies the db in outputs. */
    public String version() {
        return version;
    }

    /** {@code [tcp:request]}: SYN signatures, file order. */
    public List<TcpSignature> tcpRequest() {
        return tcpRequest;
    }

    /** {@code [tcp:response]}: SYN+ACK signatures, file order. */
    public List<TcpSignature> tcpResponse() {
        return tcpResponse;
    }

    /** {@code [http:request]}, file order. */
    public List<HttpSignature> httpRequest() {
        return httpRequest;
    }

    /** {@code [http:response]}, file order. */
    public List<HttpSignature> httpResponse() {
        return httpResponse;
    }

    /**
     * The {@code [tcp:request]} or {@code [tcp:response]} sig on this 1-based line of the file, or null (also for
     * -1). How host state refers to a matched sig without holding it.
     */
    public TcpSignature tcpSignatureAtLine(int line) {
        TcpSignature s = atLine(tcpRequest, line, TcpSignature::line);
        return s != null ? s : atLine(tcpResponse, line, TcpSignature::line);
    }

    /** The {@code [http:request]} or {@code [http:response]} sig on this 1-based line of the file, or null. */
    public HttpSignature httpSignatureAtLine(int line) {
        HttpSignature s = atLine(httpRequest, line, HttpSignature::line);
        return s != null ? s : atLine(httpResponse, line, HttpSignature::line);
    }

    /** Binary search: every section list is in file order, so its lines ascend. */
    private static <T> T atLine(List<T> sigs, int line, java.util.function.ToIntFunction<T> lineOf) {
        int lo = 0;
        int hi = sigs.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int at = lineOf.applyAsInt(sigs.get(mid));
            if (at == line) {
                return sigs.get(mid);
            }
            if (at < line) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return null;
    }

    /** {@code [mtu]} entries, file order. */
    public List<MtuSignature> mtuSignatures() {
        return mtuSignatures;
    }

    /** The label of the first {@code [mtu]} entry with exactly this value, or null. */
    public String mtuLink(int mtu) {
        return mtuLinks.get(mtu);
    }

    /** {@code ua_os} entries in order. */
    public List<UserAgentOs> uaOs() {
        return uaOs;
    }

    /** The interned name, in its first spelling. */
    public String nameOf(int nameId) {
        return names.get(nameId);
    }

    /** All interned OS/application names, by name id. */
    public List<String> names() {
        return names;
    }

    /** Declared classes, by class id. */
    public List<String> classes() {
        return classes;
    }

    /** Every tcp/http label in file order (labels without signatures included). */
    public List<Label> labels() {
        return labels;
    }

    /**
     * The HTTP header-name table (spec §7.5), by header id: the six built-ins, the built-in lists of Appendix A,
     * then every name used by an HTTP sig of this database. Exact-case.
     */
    public List<String> headerNames() {
        return headerNames;
    }

    /** Header id of an exact-case name, or -1 when the name is not in {@link #headerNames()}. */
    public int headerId(String name) {
        return headerIds.getOrDefault(name, -1);
    }

    /** Number of {@code sig} lines in all sections. */
    public int signatureCount() {
        return signatureCount;
    }

    @Override
    public String toString() {
        return "SignatureDatabase(" + sourceName + ", " + version + ", " + signatureCount + " sigs)";
    }
}
