package io.passivetcp.capture;

import java.io.IOException;

/** A capture file whose header or a record is malformed or truncated; names the file and the byte offset. */
public class CaptureFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long offset;

    /**
     * @param file   the capture's name, for the message
     * @param offset byte offset (in the decompressed stream) of the header, record or block at fault
     * @param reason what is wrong
     */
    public CaptureFormatException(String file, long offset, String reason) {
        super(file + ": at byte " + offset + ": " + reason);
        this.file = file;
        this.offset = offset;
    }

    public String file() {
        return file;
    }

    public long offset() {
        return offset;
    }
}
