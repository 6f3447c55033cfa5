package io.passivetcp.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.passivetcp.P0fConfig;
import io.passivetcp.capture.CaptureRecord;
import io.passivetcp.capture.LinkType;
import io.passivetcp.packet.DropReason;
import io.passivetcp.packet.PacketDecoder;
import io.passivetcp.packet.TcpPacket;
import io.passivetcp.testutils.Root;

/** Live capture on the loopback interface, and the errors that stop a capture before it starts. */
class LiveCaptureTest {
    /** Reads of up to 100 ms each before giving up on a packet that should come at once. */
    static final int MAX_READS = 100;

    @BeforeEach
    void root() {
        Root.require("LiveCaptureTest");
    }

    @Test
    void aConnectionOnLoopbackIsCapturedAndDecodedLikeAFileRecord() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            CaptureSettings settings = new CaptureSettings("tcp dst port " + port, false, P0fConfig.SNAPLEN);
            try (LiveCapture capture = LiveCapture.open("lo", settings)) {
                assertEquals(LinkType.EN10MB, capture.linkType());
                long before = System.currentTimeMillis();
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    CaptureRecord rec = new CaptureRecord();
                    boolean got = false;
                    for (int i = 0; i < MAX_READS && !got; i++) {
                        got = capture.next(rec, LiveCapture.READ_TIMEOUT_MILLIS);
                    }
                    assertTrue(got, "no packet captured for the SYN to port " + port);
                    long after = System.currentTimeMillis();
                    assertTrue(rec.tsMicros / 1000 >= before - 1000 && rec.tsMicros / 1000 <= after + 1000,
                            "libpcap's time " + rec.tsMicros + " is not the wall clock's");
                    assertEquals(0, rec.ordinal);

                    TcpPacket p = new TcpPacket();
                    assertEquals(DropReason.NONE, new PacketDecoder().decode(rec, p));
                    assertTrue(p.isPureSyn(), "the first packet to the server is the client's SYN");
                    assertEquals(port, p.dstPort);
                    assertEquals(client.getLocalPort(), p.srcPort);
                    assertEquals(4, p.ipVersion);
                }
                assertTrue(capture.stats().received() >= 1, capture.stats().toString());
            }
        }
    }

    @Test
    @Timeout(30) // a read that ignored its wait would block for good on a link without matching packets
    void aQuietLinkReturnsWithinTheWait() throws Exception {
        CaptureSettings settings = new CaptureSettings("tcp port 9 and host 192.0.2.1", false, P0fConfig.SNAPLEN);
        try (LiveCapture capture = LiveCapture.open("lo", settings)) {
            assertFalse(capture.next(new CaptureRecord(), 10));
        }
    }

    @Test
    void anUnknownInterfaceIsNamed() {
        LiveCaptureException e = assertThrows(LiveCaptureException.class,
                () -> LiveCapture.open("nosuch0", CaptureSettings.DEFAULT));
        assertEquals(LiveCaptureException.Kind.NO_SUCH_INTERFACE, e.kind());
        assertTrue(e.getMessage().contains("no such interface: nosuch0"), e.getMessage());
    }

    @Test
    void aBadFilterIsNamedWithLibpcapsReason() {
        LiveCaptureException e = assertThrows(LiveCaptureException.class,
                () -> LiveCapture.open("lo", new CaptureSettings("tcp port", false, P0fConfig.SNAPLEN)));
        assertEquals(LiveCaptureException.Kind.BAD_FILTER, e.kind());
        assertTrue(e.getMessage().startsWith("bad BPF expression 'tcp port': ") && e.getMessage().length() > 30,
                e.getMessage());
    }

    @Test
    void theInterfacesIncludeLoopback() throws Exception {
        assertTrue(LiveCapture.interfaces().stream().anyMatch(n -> n.name().equals("lo") && n.loopback()
                && n.addresses().contains("127.0.0.1")), LiveCapture.interfaces().toString());
    }
}
