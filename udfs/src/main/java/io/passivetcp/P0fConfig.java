package io.passivetcp;

/**
 * The numbers of p0f 3.09b's {@code config.h} that this engine honours, under their p0f names.
 *
 * <p>No other class defines a p0f number. Units are in the names' comments; the ones that p0f lets a user
 * change ({@code -t}, {@code -m}) are the defaults of the matching CLI options.
 */
public final class P0fConfig {
    private P0fConfig() {}

    // ---- things a user may reasonably change (p0f -t / -m) ----

    /** Flow max age, seconds (p0f {@code -t conn_max_age,...}). */
    public static final int CONN_MAX_AGE = 30;
    /** Host idle limit, minutes (p0f {@code -t ...,host_idle_limit}). */
    public static final int HOST_IDLE_LIMIT = 120;
    /** Maximum tracked flows (p0f {@code -m max_conn,...}). */
    public static final int MAX_CONN = 1000;
    /** Maximum tracked hosts (p0f {@code -m ...,max_hosts}). */
    public static final int MAX_HOSTS = 10000;

    // ---- really obscure stuff ----

    /** TTL window for an exact match, the {@code excess_dist} limit and the {@code +?} rendering, hops. */
    public static final int MAX_DIST = 35;
    /** Cap on the recorded TCP option layout, entries. */
    public static final int MAX_TCP_OPT = 24;
    /** Minimum IPv4 + TCP header size, bytes; also the IPv4 MSS-to-MTU offset. */
    public static final int MIN_TCP4 = 40;
    /** Minimum IPv6 + TCP header size, bytes; also the IPv6 MSS-to-MTU offset. */
    public static final int MIN_TCP6 = 60;
    /** MSS of a p0f-sendsyn probe. */
    public static final int SPECIAL_MSS = 1331;
    /** Window of a p0f-sendsyn probe. */
    public static final int SPECIAL_WIN = 1337;
    /** Per-direction payload buffer, bytes. */
    public static final int MAX_FLOW_DATA = 8192;
    /** First-line scan limit (absolute offset), bytes. */
    public static final int HTTP_MAX_URL = 1024;
    /** Headers per HTTP message; entries per HTTP signature list. */
    public static final int HTTP_MAX_HDRS = 32;
    /** Longest HTTP header name, bytes. */
    public static final int HTTP_MAX_HDR_NAME = 32;
    /** Longest HTTP header value, bytes. */
    public static final int HTTP_MAX_HDR_VAL = 1024;
    /** Value truncation in an HTTP raw_sig, bytes. */
    public static final int HTTP_MAX_SHOW = 200;
    /** Tolerance of the {@code date} NAT signal, seconds. */
    public static final int HTTP_MAX_DATE_DIFF = 10;
    /** Slowest plausible TCP timestamp clock, Hz. */
    public static final double MIN_TSCALE = 0.7;
    /** Fastest plausible TCP timestamp clock, Hz. */
    public static final double MAX_TSCALE = 1500;
    /** Shortest uptime measurement window, ms. */
    public static final int MIN_TWAIT = 25;
    /** Longest uptime measurement window, ms. */
    public static final int MAX_TWAIT = 600000;
    /** NAT and uptime grace, ms. */
    public static final int TSTAMP_GRACE = 100;
    /** NAT timestamp comparison window, ms. */
    public static final long MAX_NAT_TS = 86_400_000L;
    /** Source port drop that scores the {@code port} NAT reason. */
    public static final int MIN_PORT_DROP = 64;
    /** TTL change small enough to score 1 instead of 4, hops. */
    public static final int SMALL_TTL_CHG = 2;
    /** Distance under which a TTL change is local, hops. */
    public static final int LOCAL_TTL_LIMIT = 5;
    /** Distance under which any TTL change scores, hops. */
    public static final int NEAR_TTL_LIMIT = 9;
    /** NAT score history length, entries. */
    public static final int NAT_SCORES = 32;
    /** Cache expiry cadence, filtered packets. */
    public static final int EXPIRE_INTERVAL = 50;
    /** Pruning fraction when a limit is hit, percent. */
    public static final int KILL_PERCENT = 10;
    /** Capture length cap, bytes. */
    public static final int SNAPLEN = 65535;
}
