package io.passivetcp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.passivetcp.P0fConfig;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.TestDatabases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzz target for {@link HttpTracker} and the HTTP parsers behind it (start lines, header block, Date,
 * Accept-Language, User-Agent, raw signature, matching against the stock database; README, "Fuzzing").
 *
 * <p>The input is a conversation: text sent by the client, where byte 0x01 starts a new segment from the client and
 * 0x02 a new segment from the server, so a seed reads as the HTTP heads themselves. The contract: no exception; the
 * flow state keeps its invariants; at most one fingerprint per segment and per direction and flow, in the segment's
 * direction, with a signature of that direction's database section or none.
 */
class HttpTrackerFuzzTest {
    private static final SignatureDatabase DB = TestDatabases.stock();
    private static final byte TO_SERVER = 1, TO_CLIENT = 2;

    @FuzzTest
    void fingerprintsOrWaits(byte[] conversation) {
        HttpFlowState st = new HttpFlowState();
        boolean[] seen = new boolean[2];
        boolean toServer = true;
        int start = 0;
        for (int i = 0; i <= conversation.length; i++) {
            if (i < conversation.length && conversation[i] != TO_SERVER && conversation[i] != TO_CLIENT) {
                continue;
            }
            if (send(st, toServer, Arrays.copyOfRange(conversation, start, i), seen)) {
                return; // p0f destroys the flow: nothing more reaches the tracker
            }
            if (i < conversation.length) {
                toServer = conversation[i] == TO_SERVER;
                start = i + 1;
            }
        }
    }

    /** One segment at a random offset of a larger buffer; returns whether the flow is done. */
    private static boolean send(HttpFlowState st, boolean toServer, byte[] segment, boolean[] seen) {
        byte[] packet = new byte[segment.length + 6];
        System.arraycopy(segment, 0, packet, 3, segment.length);
        List<HttpFingerprint> out = new ArrayList<>();
        boolean done = HttpTracker.onPayload(st, toServer, packet, 3, segment.length, 1_700_000_000L, DB, out::add);
        HttpHostileInputTest.checkInvariants(st);
        assertTrue(out.size() <= 1, "fingerprints for one segment: " + out.size());
        for (HttpFingerprint f : out) {
            assertEquals(toServer, f.request(), "fingerprint direction");
            int direction = toServer ? 0 : 1;
            assertFalse(seen[direction], "a second fingerprint in one direction");
            seen[direction] = true;
            assertNotNull(f.rawSig());
            assertNotNull(f.fields());
            assertTrue(f.headerNames().size() <= P0fConfig.HTTP_MAX_HDRS, "headers " + f.headerNames().size());
            assertTrue(f.match() == null
                    || (toServer ? DB.httpRequest() : DB.httpResponse()).contains(f.match()), "signature section");
        }
        if (segment.length == 0) {
            assertFalse(done, "an empty segment changes nothing");
        }
        return done;
    }
}
