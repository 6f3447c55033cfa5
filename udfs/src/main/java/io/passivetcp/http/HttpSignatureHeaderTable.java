package io.passivetcp.http;

import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The global table of known HTTP header names (spec §7.5): header id = position. It starts with p0f's six
 * essential headers and the built-in lists of Appendix A; every name an HTTP sig mentions is added while the
 * database loads. Lookup is exact and case-sensitive. Mutable only during loading.
 */
public final class HttpSignatureHeaderTable {
    /** The first six ids, in p0f's fixed order (other code relies on their positions in p0f). */
    public static final List<String> ESSENTIAL =
            List.of("User-Agent", "Server", "Accept-Language", "Via", "X-Forwarded-For", "Date");

    /** Request headers printed with {@code ?} and no value in a raw_sig (Appendix A). */
    public static final List<String> REQUEST_OPTIONAL = List.of("Cookie", "Referer", "Origin", "Range",
            "If-Modified-Since", "If-None-Match", "Via", "X-Forwarded-For", "Authorization", "Proxy-Authorization",
            "Cache-Control");
    /** Response headers printed with {@code ?} and no value in a raw_sig (Appendix A). */
    public static final List<String> RESPONSE_OPTIONAL = List.of("Set-Cookie", "Last-Modified", "ETag",
            "Content-Length", "Content-Disposition", "Cache-Control", "Expires", "Pragma", "Location", "Refresh",
            "Content-Range", "Vary");
    /** Request headers whose value a raw_sig never prints (Appendix A). */
    public static final List<String> REQUEST_SKIP_VALUE = List.of("Host", "User-Agent");
    /** Response headers whose value a raw_sig never prints (Appendix A). */
    public static final List<String> RESPONSE_SKIP_VALUE = List.of("Date", "Content-Type", "Server");
    /** Request headers listed as missing in a raw_sig when absent, in this order (Appendix A). */
    public static final List<String> REQUEST_COMMON = List.of("Host", "User-Agent", "Connection", "Accept",
            "Accept-Encoding", "Accept-Language", "Accept-Charset", "Keep-Alive");
    /** Response headers listed as missing in a raw_sig when absent, in this order (Appendix A). */
    public static final List<String> RESPONSE_COMMON =
            List.of("Content-Type", "Connection", "Keep-Alive", "Accept-Ranges", "Date");

    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();

    private HttpSignatureHeaderTable() {}

    /** A table holding the built-ins in p0f's registration order ({@code http_init}). */
    public static HttpSignatureHeaderTable withBuiltIns() {
        HttpSignatureHeaderTable t = new HttpSignatureHeaderTable();
        for (List<String> list : List.of(ESSENTIAL, REQUEST_OPTIONAL, RESPONSE_OPTIONAL, REQUEST_SKIP_VALUE,
                RESPONSE_SKIP_VALUE, REQUEST_COMMON, RESPONSE_COMMON)) {
            list.forEach(t::intern);
        }
        return t;
    }

    /** The id of {@code name}, registering it when new. */
    public int intern(String name) {
        return ids.computeIfAbsent(name, n -> {
            names.add(n);
            return names.size() - 1;
        });
    }

    /** The id of {@code name}, or -1. */
    public int id(String name) {
        return ids.getOrDefault(name, -1);
    }

    /** Snapshot of all names by id. */
    public List<String> names() {
        return List.copyOf(names);
    }
}
