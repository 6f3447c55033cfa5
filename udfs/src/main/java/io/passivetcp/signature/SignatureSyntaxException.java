package io.passivetcp.signature;

/**
 * A p0f.fp line that p0f would refuse to load. p0f aborts on every database error (spec §3.1), so the whole load
 * fails; the message names the file, the 1-based line (comments and blank lines counted) and why.
 */
public class SignatureSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String reason;

    public SignatureSyntaxException(String file, int line, String reason) {
        super(file + ", line " + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    /** The source name given to {@link SignatureDatabase#parse} (the path for {@link SignatureDatabase#load}). */
    public String file() {
        return file;
    }

    /** 1-based line number. */
    public int line() {
        return line;
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }
}
