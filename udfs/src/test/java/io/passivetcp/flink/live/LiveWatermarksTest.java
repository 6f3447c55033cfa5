package io.passivetcp.flink.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

import io.passivetcp.packet.TcpPacket;

/** Event time of a live link advances with its packets, and with the wall clock while the link is quiet. */
class LiveWatermarksTest {
    static final long DISORDER = 2000;

    @Test
    void aQuietLinkFollowsTheWallClock() {
        LiveWatermarks generator = new LiveWatermarks(DISORDER);
        Output out = new Output();
        long before = System.currentTimeMillis();
        generator.onPeriodicEmit(out);
        long after = System.currentTimeMillis();
        assertEquals(1, out.watermarks.size());
        long lag = LiveWatermarks.DELIVERY_MILLIS + DISORDER + 1;
        long w = out.watermarks.get(0);
        assertTrue(w >= before - lag && w <= after - lag, w + " not within [" + (before - lag) + ", " + (after - lag)
                + "]");
    }

    @Test
    void packetsAheadOfTheClockLeadAndTheWatermarkNeverGoesBack() {
        LiveWatermarks generator = new LiveWatermarks(DISORDER);
        Output out = new Output();
        long ahead = System.currentTimeMillis() + 3_600_000;
        generator.onEvent(new TcpPacket(), ahead, out);
        generator.onPeriodicEmit(out);
        generator.onEvent(new TcpPacket(), ahead - 10_000, out);
        generator.onPeriodicEmit(out);
        assertEquals(List.of(ahead - DISORDER - 1), out.watermarks);
    }

    static final class Output implements WatermarkOutput {
        final List<Long> watermarks = new ArrayList<>();

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    }
}
