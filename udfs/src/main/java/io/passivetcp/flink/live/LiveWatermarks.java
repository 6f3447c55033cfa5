package io.passivetcp.flink.live;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

import io.passivetcp.live.LiveCapture;
import io.passivetcp.packet.TcpPacket;

/**
 * Watermarks of one interface: the latest packet time less the allowed disorder, as for files; and, since a quiet
 * link brings no packet to advance it, at least the wall clock less the time a packet can take from the kernel's
 * time stamp to this reader, less the disorder. libpcap stamps packets with the same clock (the system's real-time
 * clock), so a packet that reaches the reader in time is never behind the watermark.
 */
final class LiveWatermarks implements WatermarkGenerator<TcpPacket> {
    /** From the kernel's stamp to the reader: libpcap's read timeout plus ample scheduling slack. */
    static final long DELIVERY_MILLIS = LiveCapture.READ_TIMEOUT_MILLIS + 900;

    private final long disorderMillis;
    private long latest = Long.MIN_VALUE;
    private long emitted = Long.MIN_VALUE;

    LiveWatermarks(long disorderMillis) {
        this.disorderMillis = disorderMillis;
    }

    /** One generator per interface; a named class, as every function of the job graph (JobGraphLambdaTest). */
    static final class Generators implements WatermarkGeneratorSupplier<TcpPacket> {
        private static final long serialVersionUID = 1L;
        private final long disorderMillis;

        Generators(long disorderMillis) {
            this.disorderMillis = disorderMillis;
        }

        @Override
        public WatermarkGenerator<TcpPacket> createWatermarkGenerator(Context context) {
            return new LiveWatermarks(disorderMillis);
        }
    }

    @Override
    public void onEvent(TcpPacket packet, long timestamp, WatermarkOutput output) {
        latest = Math.max(latest, timestamp);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long clock = System.currentTimeMillis() - DELIVERY_MILLIS;
        long watermark = Math.max(latest, clock) - disorderMillis - 1;
        if (watermark > emitted) {
            emitted = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }
}
