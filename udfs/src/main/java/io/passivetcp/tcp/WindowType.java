package io.passivetcp.tcp;

/** How a TCP signature's {@code wsize} field constrains the window (spec §2.1, §4.2). */
public enum WindowType {
    /** {@code N}: exactly N. */
    LITERAL,
    /** {@code *}: anything. */
    ANY,
    /** {@code %N}: divisible by N (so window 0 always passes). */
    MODULO,
    /** {@code mss*N}: §2.3 finds an MSS-kind multiple equal to N. */
    MSS,
    /** {@code mtu*N}: §2.3 finds an MTU-kind multiple equal to N. */
    MTU
}
