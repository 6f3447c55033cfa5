package io.passivetcp.live;

import java.io.Closeable;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapAddress;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.BlockingMode;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.pcap4j.core.PcapStat;
import org.pcap4j.core.Pcaps;

import io.passivetcp.capture.CaptureRecord;
import io.passivetcp.live.LiveCaptureException.Kind;

/**
 * Captures one network interface through libpcap: pcap4j opens and configures the handle (snap length,
 * promiscuous mode, BPF filter, statistics), and frames are read with {@code pcap_next_ex} straight from libpcap's
 * buffer into a reused {@link CaptureRecord}, the same record the file readers fill, so that the same decoder
 * takes it.
 *
 * <p>Reading allocates nothing: pcap4j's own read methods allocate a header, a timestamp and a byte array per
 * packet, so the frame is copied once, by JNA's bulk read, from libpcap's ring into the record's buffer. Times are
 * libpcap's (the kernel's receive time, microseconds), the link type is the handle's.
 *
 * <p>Errors that stop a capture before it starts each have their own {@link Kind} and a one-line message: libpcap
 * missing, no such interface, no permission (root or {@code CAP_NET_RAW}), a bad BPF expression. One instance is
 * used by one thread.
 */
public final class LiveCapture implements Closeable {
    /**
     * libpcap's buffer timeout: the kernel hands over a block of packets when it is full or this long after its
     * first packet. Also how long {@link #next} waits on a quiet link, so that the reader can be woken or stopped.
     */
    public static final int READ_TIMEOUT_MILLIS = 100;
    /** The kernel buffer per interface: about 1 s of a busy gigabit link before packets are dropped. */
    static final int BUFFER_BYTES = 32 << 20;
    /** The library pcap4j loads (its own property, so that both always load the same one). */
    static final String LIBRARY = System.getProperty("org.pcap4j.core.pcapLibName", "pcap");
    /** {@code pcap_activate}'s codes for a device that does not exist, and for no permission (pcap.h). */
    static final int PCAP_ERROR_NO_SUCH_DEVICE = -5;
    static final int PCAP_ERROR_PERM_DENIED = -8;

    private final String name;
    private final PcapHandle handle;
    private final Pointer pcap;
    private final int linkType;
    private final Memory headerSlot = new Memory(Native.POINTER_SIZE);
    private final Memory dataSlot = new Memory(Native.POINTER_SIZE);
    /** {@code struct pollfd} of the handle's selectable descriptor, for waiting with a timeout. */
    private final Memory pollFd = new Memory(8);
    private final MovablePointer header = new MovablePointer();
    private final MovablePointer frame = new MovablePointer();
    private long ordinal;

    private LiveCapture(String name, PcapHandle handle, Pointer pcap) {
        this.name = name;
        this.handle = handle;
        this.pcap = pcap;
        this.linkType = handle.getDlt().value();
        pollFd.setInt(0, Libpcap.pcap_get_selectable_fd(pcap));
        pollFd.setShort(4, Libc.POLLIN);
    }

    /** Opens {@code iface} for capture with {@code settings}. */
    public static LiveCapture open(String iface, CaptureSettings settings) throws LiveCaptureException {
        requireLibpcap();
        PcapHandle handle;
        try {
            handle = new PcapHandle.Builder(iface)
                    .snaplen(settings.snaplen())
                    .promiscuousMode(settings.promiscuous() ? PromiscuousMode.PROMISCUOUS
                            : PromiscuousMode.NONPROMISCUOUS)
                    .timeoutMillis(READ_TIMEOUT_MILLIS)
                    .bufferSize(BUFFER_BYTES)
                    .build();
        } catch (PcapNativeException e) {
            throw openFailure(iface, e);
        }
        try {
            if (settings.bpf() != null) {
                setFilter(handle, settings.bpf());
            }
            // On Linux (TPACKET_V3) a blocking read of a quiet link never times out: read without blocking, and
            // wait with poll(2) and a timeout of our own.
            handle.setBlockingMode(BlockingMode.NONBLOCKING);
            return new LiveCapture(iface, handle, Libpcap.handleOf(handle));
        } catch (LiveCaptureException e) {
            handle.close();
            throw e;
        } catch (PcapNativeException | NotOpenException | RuntimeException e) {
            handle.close();
            throw new LiveCaptureException(Kind.CAPTURE_FAILED, "cannot capture on " + iface + ": " + e.getMessage());
        }
    }

    private static void setFilter(PcapHandle handle, String bpf) throws LiveCaptureException, NotOpenException {
        try {
            handle.setFilter(bpf, BpfCompileMode.OPTIMIZE);
        } catch (PcapNativeException e) {
            throw new LiveCaptureException(Kind.BAD_FILTER, "bad BPF expression '" + bpf + "': "
                    + e.getMessage().replace("Error occurred in pcap_compile: ", ""));
        }
    }

    private static LiveCaptureException openFailure(String iface, PcapNativeException e) {
        Integer rc = e.getReturnCode();
        if (rc != null && rc == PCAP_ERROR_NO_SUCH_DEVICE) {
            return new LiveCaptureException(Kind.NO_SUCH_INTERFACE,
                    "no such interface: " + iface + " (passivetcp -L lists them)");
        }
        if (rc != null && rc == PCAP_ERROR_PERM_DENIED) {
            return new LiveCaptureException(Kind.NO_PERMISSION, "no permission to capture on " + iface
                    + ": run as root or give java CAP_NET_RAW (" + e.getMessage() + ")");
        }
        return new LiveCaptureException(Kind.CAPTURE_FAILED, "cannot capture on " + iface + ": " + e.getMessage());
    }

    /** The interfaces libpcap can capture on, as {@code -L} lists them. */
    public static List<NetworkInterface> interfaces() throws LiveCaptureException {
        requireLibpcap();
        List<PcapNetworkInterface> devices;
        try {
            devices = Pcaps.findAllDevs();
        } catch (PcapNativeException e) {
            throw new LiveCaptureException(Kind.CAPTURE_FAILED, "cannot list interfaces: " + e.getMessage());
        }
        List<NetworkInterface> out = new ArrayList<>();
        for (PcapNetworkInterface d : devices) {
            List<String> addresses = new ArrayList<>();
            for (PcapAddress a : d.getAddresses()) {
                InetAddress address = a.getAddress();
                if (address != null) {
                    addresses.add(address.getHostAddress());
                }
            }
            out.add(new NetworkInterface(d.getName(), d.getDescription(), addresses, d.isLoopBack(), d.isUp()));
        }
        return out;
    }

    /** libpcap's version string, e.g. {@code libpcap version 1.10.3 (with TPACKET_V3)}. */
    public static String libraryVersion() throws LiveCaptureException {
        requireLibpcap();
        return Pcaps.libVersion();
    }

    /** Loads libpcap (through pcap4j, and our own read binding) or says in one line that it is missing. */
    private static void requireLibpcap() throws LiveCaptureException {
        try {
            Pcaps.libVersion();
            Libpcap.load();
        } catch (LinkageError e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String reason = String.valueOf(root.getMessage()).lines().findFirst().orElse("").replaceAll(":$", "");
            throw new LiveCaptureException(Kind.LIBPCAP_MISSING, "libpcap cannot be loaded (install libpcap, "
                    + "e.g. the Debian package libpcap0.8): " + reason);
        }
    }

    /**
     * Reads the next frame into {@code rec}: its bytes, lengths, libpcap time and link type, and its ordinal on
     * this capture.
     *
     * @param waitMillis how long to wait for a packet when none is ready
     * @return false when no packet came in time
     */
    public boolean next(CaptureRecord rec, int waitMillis) throws LiveCaptureException {
        int rc = Libpcap.pcap_next_ex(pcap, headerSlot, dataSlot);
        if (rc == 0) {
            if (Libc.poll(pollFd, Libc.ONE, waitMillis) < 0 && Native.getLastError() != Libc.EINTR) {
                throw new LiveCaptureException(Kind.CAPTURE_FAILED, "waiting for packets on " + name + " failed: "
                        + "errno " + Native.getLastError());
            }
            rc = Libpcap.pcap_next_ex(pcap, headerSlot, dataSlot);
            if (rc == 0) {
                return false;
            }
        }
        if (rc < 0) {
            throw new LiveCaptureException(Kind.CAPTURE_FAILED, "capture on " + name + " failed: " + error());
        }
        header.moveTo(address(headerSlot));
        frame.moveTo(address(dataSlot));
        // struct pcap_pkthdr { struct timeval ts; bpf_u_int32 caplen; bpf_u_int32 len; }
        long seconds = nativeLong(header, 0);
        long micros = nativeLong(header, NativeLong.SIZE);
        int caplen = header.getInt(2L * NativeLong.SIZE);
        int len = header.getInt(2L * NativeLong.SIZE + 4);
        frame.read(0, rec.ensureCapacity(caplen), 0, caplen);
        rec.length = caplen;
        rec.originalLength = len;
        rec.tsSeconds = seconds;
        rec.tsMicros = seconds * 1_000_000 + micros;
        rec.linkType = linkType;
        rec.fileOffset = 0;
        rec.ordinal = ordinal++;
        return true;
    }

    private String error() {
        try {
            return handle.getError();
        } catch (NotOpenException e) {
            return "closed";
        }
    }

    /** libpcap's counters so far; {@link CaptureStats#NONE} once closed. */
    public CaptureStats stats() throws LiveCaptureException {
        if (!handle.isOpen()) {
            return CaptureStats.NONE;
        }
        try {
            PcapStat s = handle.getStats();
            return new CaptureStats(s.getNumPacketsReceived(), s.getNumPacketsDropped(),
                    s.getNumPacketsDroppedByIf());
        } catch (PcapNativeException | NotOpenException e) {
            throw new LiveCaptureException(Kind.CAPTURE_FAILED, "statistics of " + name + ": " + e.getMessage());
        }
    }

    /** The interface's link type (DLT), e.g. 1 for Ethernet. */
    public int linkType() {
        return linkType;
    }

    public String name() {
        return name;
    }

    /** E.g. {@code EN10MB (Ethernet)}, as tcpdump names link types. */
    public String linkTypeName() {
        return handle.getDlt().name() + " (DLT " + linkType + ")";
    }

    @Override
    public void close() {
        handle.close();
    }

    private static long address(Memory slot) {
        return Native.POINTER_SIZE == 8 ? slot.getLong(0) : slot.getInt(0) & 0xFFFFFFFFL;
    }

    private static long nativeLong(Pointer p, long offset) {
        return NativeLong.SIZE == 8 ? p.getLong(offset) : p.getInt(offset);
    }

    /** A JNA pointer that can be moved, so that reading a packet creates no pointer object. */
    static final class MovablePointer extends Pointer {
        MovablePointer() {
            super(0);
        }

        void moveTo(long address) {
            peer = address;
        }
    }

    /** The C library's {@code poll(2)}. */
    static final class Libc {
        private Libc() {}

        static final short POLLIN = 1;
        static final int EINTR = 4;
        static final NativeLong ONE = new NativeLong(1);

        static {
            Native.register(Libc.class, NativeLibrary.getInstance("c"));
        }

        /** {@code int poll(struct pollfd *fds, nfds_t nfds, int timeout)}. */
        static native int poll(Pointer fds, NativeLong nfds, int timeoutMillis);
    }

    /** libpcap's read functions, bound directly on the pcap_t that pcap4j opened. */
    static final class Libpcap {
        private Libpcap() {}

        static {
            Native.register(Libpcap.class, NativeLibrary.getInstance(LIBRARY));
        }

        /** Triggers the binding (a missing libpcap fails here). */
        static void load() {}

        /** {@code int pcap_next_ex(pcap_t *p, struct pcap_pkthdr **h, const u_char **data)}. */
        static native int pcap_next_ex(Pointer pcap, Pointer header, Pointer data);

        /** {@code int pcap_get_selectable_fd(pcap_t *p)}. */
        static native int pcap_get_selectable_fd(Pointer pcap);

        /** pcap4j keeps its pcap_t private; a missing field means another pcap4j version than the one we pin. */
        static Pointer handleOf(PcapHandle handle) {
            try {
                Field f = PcapHandle.class.getDeclaredField("handle");
                f.setAccessible(true);
                return (Pointer) f.get(handle);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("pcap4j without PcapHandle.handle (pcap4j 1.8.2 expected)", e);
            }
        }
    }
}
