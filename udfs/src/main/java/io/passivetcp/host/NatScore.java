package io.passivetcp.host;

/** A score being built for one fingerprint: points (u8, as p0f's {@code score}) and the reasons behind them. */
final class NatScore {
    private int points;
    private int reasons;

    void add(NatReason reason, int howMuch) {
        points = (points + howMuch) & 0xFF;
        reasons |= reason.bit();
    }

    /** Integer halving of the points; the reasons stay recorded (spec §8.6, {@code tstamp}). */
    void halve() {
        points /= 2;
    }

    int points() {
        return points;
    }

    int reasons() {
        return reasons;
    }
}
