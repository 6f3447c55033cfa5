package io.passivetcp.capture;

import java.io.IOException;

/** A file whose first bytes are not the magic number of any supported capture format (pcap, pcapng, gzip). */
public class NotACaptureException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String magic;

    /**
     * @param file  the file's name, for the message
     * @param magic the leading bytes found, as hex (empty for an empty file)
     */
    public NotACaptureException(String file, String magic) {
        super(file + ": not a pcap, pcapng or gzip file ("
                + (magic.isEmpty() ? "empty" : "starts with " + magic) + ")");
        this.file = file;
        this.magic = magic;
    }

    public String file() {
        return file;
    }

    /** Leading bytes of the file as lower-case hex, e.g. {@code 3c68746d}. */
    public String magic() {
        return magic;
    }
}
