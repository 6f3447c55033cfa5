package io.passivetcp.capture;

import java.nio.charset.StandardCharsets;

/** Stable 64-bit ids of capture paths: keys and tie-breaks that do not depend on the order files are listed in. */
public final class CaptureIds {
    private CaptureIds() {}

    /** FNV-1a over the path's UTF-8 bytes. */
    public static long of(String path) {
        long h = 0xcbf29ce484222325L;
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
