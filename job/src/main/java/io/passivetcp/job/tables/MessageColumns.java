package io.passivetcp.job.tables;

/**
 * The columns a {@code connections} row has once per message: for its SYN ({@code syn_...}), its SYN+ACK
 * ({@code syn_ack_...}), its HTTP request and response ({@code http_request_...}, {@code http_response_...}). Named
 * once, so that a row's columns are looked up by the same name instances every time ({@link Table.Row}).
 */
public final class MessageColumns {
    public static final MessageColumns SYN = new MessageColumns("syn_");
    public static final MessageColumns SYN_ACK = new MessageColumns("syn_ack_");
    public static final MessageColumns HTTP_REQUEST = new MessageColumns("http_request_");
    public static final MessageColumns HTTP_RESPONSE = new MessageColumns("http_response_");

    public final String label;
    public final String labelClass;
    public final String labelName;
    public final String labelFlavor;
    public final String matchKind;
    public final String rawSig;
    public final String params;
    public final String ttl;
    public final String distance;
    public final String mss;
    public final String window;
    public final String windowScale;
    public final String optionLayout;
    public final String quirks;
    public final String tos;
    public final String version;
    public final String headerNames;
    public final String headerValues;

    private MessageColumns(String prefix) {
        label = prefix + "label";
        labelClass = prefix + "label_class";
        labelName = prefix + "label_name";
        labelFlavor = prefix + "label_flavor";
        matchKind = prefix + "match_kind";
        rawSig = prefix + "raw_sig";
        params = prefix + "params";
        ttl = prefix + "ttl";
        distance = prefix + "distance";
        mss = prefix + "mss";
        window = prefix + "window";
        windowScale = prefix + "window_scale";
        optionLayout = prefix + "option_layout";
        quirks = prefix + "quirks";
        tos = prefix + "tos";
        version = prefix + "version";
        headerNames = prefix + "header_names";
        headerValues = prefix + "header_values";
    }
}
