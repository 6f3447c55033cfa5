package io.passivetcp.http;

import io.passivetcp.signature.Label;
import io.passivetcp.signature.Signature;

import java.util.List;

/**
 * One HTTP {@code sig} line of {@code [http:request]} or {@code [http:response]}, parsed (spec §3.8):
 * {@code ver:horder:habsent:expsw}. Immutable.
 */
public final class HttpSignature extends Signature {
    /** {@link #version()} of a {@code *} sig. */
    public static final int ANY_VERSION = -1;

    /**
     * A header named by a sig.
     *
     * @param name     exact-case name
     * @param id       its id in the database header table ({@code SignatureDatabase.headerNames()})
     * @param optional {@code ?Name} in horder; always false in habsent
     * @param value    required substring of {@code Name=[value]}, or null; always null in habsent
     */
    public record Header(String name, int id, boolean optional, String value) {}

    private final int version;
    private final List<Header> horder;
    private final List<Header> habsent;
    private final String expsw;

    HttpSignature(Label label, int line, int version, List<Header> horder, List<Header> habsent, String expsw) {
        super(label, line);
        this.version = version;
        this.horder = List.copyOf(horder);
        this.habsent = List.copyOf(habsent);
        this.expsw = expsw;
    }

    /** 0 (HTTP/1.0), 1 (HTTP/1.1) or {@link #ANY_VERSION}. */
    public int version() {
        return version;
    }

    /** Headers that must appear in this order (optional ones may be missing altogether). */
    public List<Header> horder() {
        return horder;
    }

    /** Headers that must not appear (duplicates kept, as in the file). */
    public List<Header> habsent() {
        return habsent;
    }

    /**
     * Expected substring of User-Agent (requests) or Server (responses), used only for {@code dishonest};
     * "" when the sig has none (then it never makes a message dishonest).
     */
    public String expsw() {
        return expsw;
    }

    /** The sig in p0f.fp syntax. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(version == ANY_VERSION ? "*" : Integer.toString(version)).append(':');
        for (int i = 0; i < horder.size(); i++) {
            Header h = horder.get(i);
            sb.append(i > 0 ? "," : "").append(h.optional() ? "?" : "").append(h.name());
            if (h.value() != null) {
                sb.append("=[").append(h.value()).append(']');
            }
        }
        sb.append(':');
        for (int i = 0; i < habsent.size(); i++) {
            sb.append(i > 0 ? "," : "").append(habsent.get(i).name());
        }
        return sb.append(':').append(expsw).toString();
    }
}
