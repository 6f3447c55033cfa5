package io.passivetcp.host;

/**
 * Builds {@link HostEvent}s as the flow function would send them: {@code Ev.at(ms).client().syn(line)...build()}.
 * Times are packet milliseconds; ordinals and filter counts increase by one per built event unless set.
 */
final class Ev {
    static final byte[] CLIENT = {(byte) 192, 0, 2, 10};
    static final byte[] SERVER = {(byte) 198, 51, 100, 20};
    static final byte[] LINUX_LAYOUT = {2, 4, 8, 1, 3};
    private static long nextOrdinal = 1;

    private final HostEvent e = new HostEvent();

    private Ev(long millis) {
        e.tsMicros = millis * 1000;
        e.tsSeconds = Math.floorDiv(millis, 1000);
        e.orderMicros = e.tsMicros;
        e.capture = "test.pcap";
        e.captureId = 7;
        e.ordinal = nextOrdinal++;
        e.ipVersion = 4;
        e.client = CLIENT;
        e.server = SERVER;
        e.clientPort = 40000;
        e.serverPort = 80;
        e.subjectIsClient = true;
        e.flowId = 1;
        e.layout = LINUX_LAYOUT;
        e.ttl = 64;
        e.mss = 1460;
    }

    static Ev at(long millis) {
        return new Ev(millis);
    }

    Ev client() {
        e.subjectIsClient = true;
        return this;
    }

    Ev server() {
        e.subjectIsClient = false;
        return this;
    }

    Ev flow(long id) {
        e.flowId = id;
        return this;
    }

    Ev ports(int client, int server) {
        e.clientPort = client;
        e.serverPort = server;
        return this;
    }

    /**
     * The event is the capture's {@code n}th filtered packet: the latest p0f expiry run is the last multiple of
     * EXPIRE_INTERVAL up to n, taken here to have run at this event's second.
     */
    Ev filterCount(long n) {
        e.expiryRun = n / io.passivetcp.P0fConfig.EXPIRE_INTERVAL * io.passivetcp.P0fConfig.EXPIRE_INTERVAL;
        e.expirySeconds = e.tsSeconds;
        return this;
    }

    Ev touch() {
        e.touch = true;
        return this;
    }

    /** A kept (or application) SYN fingerprint; {@code line} -1 = unmatched. Adds a timestamp sample if ts set. */
    Ev syn(int line) {
        return fingerprint(HostEvent.SYN, line).pureSyn();
    }

    Ev synAck(int line) {
        return fingerprint(HostEvent.SYN_ACK, line);
    }

    private Ev fingerprint(int kind, int line) {
        e.tcpKind = kind;
        e.tcpSignatureLine = line;
        return this;
    }

    private Ev pureSyn() {
        e.pureSyn = true;
        return this;
    }

    Ev application() {
        e.tcpApplication = true;
        return this;
    }

    Ev fuzzy() {
        e.tcpFuzzy = true;
        return this;
    }

    Ev dist(int d) {
        e.tcpDistance = d;
        return this;
    }

    Ev ttl(int ttl) {
        e.ttl = ttl;
        return this;
    }

    Ev mss(int mss) {
        e.mss = mss;
        return this;
    }

    Ev quirks(int q) {
        e.quirks = q;
        return this;
    }

    Ev layout(byte... kinds) {
        e.layout = kinds;
        return this;
    }

    /** The packet's TSval; on any packet but an application SYN it is also an uptime sample (spec §6). */
    Ev ts(long ts1) {
        e.ts1 = ts1;
        e.timestampSample = ts1 != 0 && !e.tcpApplication;
        return this;
    }

    /** An ACK-class segment carrying TSval {@code ts1}: only an uptime sample. */
    Ev ack(long ts1) {
        e.ts1 = ts1;
        e.timestampSample = true;
        e.pureSyn = false;
        return this;
    }

    Ev request(int line) {
        e.httpKind = HostEvent.REQUEST;
        e.httpSignatureLine = line;
        e.subjectIsClient = true;
        return this;
    }

    Ev response(int line) {
        e.httpKind = HostEvent.RESPONSE;
        e.httpSignatureLine = line;
        e.subjectIsClient = false;
        return this;
    }

    Ev software(String sw) {
        e.httpSoftware = sw;
        return this;
    }

    Ev dishonest() {
        e.httpDishonest = true;
        return this;
    }

    Ev via() {
        e.httpVia = true;
        return this;
    }

    Ev date(long unixSeconds) {
        e.httpDate = unixSeconds;
        return this;
    }

    Ev language(String lang) {
        e.httpLanguage = lang;
        return this;
    }

    HostEvent build() {
        return e;
    }
}
