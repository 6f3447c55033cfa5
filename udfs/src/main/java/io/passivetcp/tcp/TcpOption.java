package io.passivetcp.tcp;

/** TCP option kinds as they appear in an option layout, with their p0f tokens (spec §2.1, §2.5). */
public final class TcpOption {
    private TcpOption() {}

    public static final int EOL = 0;
    public static final int NOP = 1;
    public static final int MSS = 2;
    public static final int WS = 3;
    public static final int SOK = 4;
    public static final int SACK = 5;
    public static final int TS = 8;

    /** The layout token of one option kind; {@code eolPad} is used only for EOL. */
    public static void appendToken(StringBuilder sb, int kind, int eolPad) {
        switch (kind) {
            case EOL -> sb.append("eol+").append(eolPad);
            case NOP -> sb.append("nop");
            case MSS -> sb.append("mss");
            case WS -> sb.append("ws");
            case SOK -> sb.append("sok");
            case SACK -> sb.append("sack");
            case TS -> sb.append("ts");
            default -> sb.append('?').append(kind);
        }
    }
}
