package io.passivetcp.flink;

import java.time.Duration;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssignerSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

import io.passivetcp.packet.TcpPacket;

/**
 * Event time of packets: their capture time in milliseconds ({@link TcpPacket#orderMicros}), and watermarks that
 * trail the latest packet by the tolerated disorder.
 *
 * <p>For {@code --follow}. Watermarks are emitted as packets arrive, not periodically: a source reader drops a
 * capture's watermark generator when the capture ends, and a capture read in less than one periodic interval would
 * then never advance event time; its events would wait for the next capture.
 */
public final class CaptureWatermarks {
    /** Event time advances in steps of this much at least, so that dense captures do not flood the job with them. */
    static final long STEP_MILLIS = 100;

    private CaptureWatermarks() {}

    public static WatermarkStrategy<TcpPacket> strategy(Duration disorder) {
        return new TrailingStrategy(disorder.toMillis());
    }

    /**
     * A packet's event time: its capture time in milliseconds. A named class, as every function of the job graph:
     * a TaskManager that cannot load the job's classes then fails naming it, where a lambda fails as a
     * SerializedLambda cast that names nothing (JobGraphLambdaTest).
     */
    public static final class PacketTime implements SerializableTimestampAssigner<TcpPacket> {
        private static final long serialVersionUID = 1L;

        @Override
        public long extractTimestamp(TcpPacket p, long recordTimestamp) {
            return Math.floorDiv(p.orderMicros, 1000);
        }
    }

    private static final class TrailingStrategy implements WatermarkStrategy<TcpPacket> {
        private static final long serialVersionUID = 1L;
        private final long disorderMillis;

        TrailingStrategy(long disorderMillis) {
            this.disorderMillis = disorderMillis;
        }

        @Override
        public WatermarkGenerator<TcpPacket> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
            return new Trailing(disorderMillis);
        }

        @Override
        public TimestampAssigner<TcpPacket> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
            return new PacketTime();
        }
    }

    private static final class Trailing implements WatermarkGenerator<TcpPacket> {
        private final long disorderMillis;
        private long emitted = Long.MIN_VALUE;

        Trailing(long disorderMillis) {
            this.disorderMillis = disorderMillis;
        }

        @Override
        public void onEvent(TcpPacket packet, long timestamp, WatermarkOutput output) {
            long watermark = timestamp - disorderMillis - 1;
            if (emitted == Long.MIN_VALUE || watermark >= emitted + STEP_MILLIS) {
                emitted = watermark;
                output.emitWatermark(new Watermark(watermark));
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }
}
