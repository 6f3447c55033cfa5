package io.passivetcp.live;

import java.io.IOException;

/** An interface that cannot be captured, or a capture that failed; the message is one line for the user. */
public final class LiveCaptureException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that react differently (and for tests). */
    public enum Kind { LIBPCAP_MISSING, NO_SUCH_INTERFACE, NO_PERMISSION, BAD_FILTER, CAPTURE_FAILED }

    private final Kind kind;

    LiveCaptureException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
