package io.passivetcp.http;

import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.TestDatabases;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Test driver for one connection's HTTP tracking: feeds client / server segments into an {@link HttpFlowState} the way
 * the flow tracker would, and records fingerprints and the "done" answer. Stops feeding once a call answered done
 * (p0f destroys the flow then), and records that later segments were refused.
 */
final class Conversation {
    final SignatureDatabase db;
    final HttpFlowState state = new HttpFlowState();
    final List<HttpFingerprint> fingerprints = new ArrayList<>();
    boolean done;
    /** Number of segments handed in after the flow was done (they would have no flow to go to). */
    int refused;
    long seconds = 1_700_000_000L;

    Conversation() {
        this(TestDatabases.stock());
    }

    Conversation(SignatureDatabase db) {
        this.db = db;
    }

    static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** One client segment; returns this call's answer (true = flow done). */
    boolean client(String segment) {
        return send(true, bytes(segment));
    }

    boolean server(String segment) {
        return send(false, bytes(segment));
    }

    boolean send(boolean toServer, byte[] segment) {
        if (done) {
            refused++;
            return true;
        }
        done = HttpTracker.onPayload(state, toServer, segment, 0, segment.length, seconds, db, fingerprints::add);
        return done;
    }

    /** Sends {@code message} in pieces of {@code size} bytes (the last one shorter). */
    Conversation sendInPieces(boolean toServer, byte[] message, int size) {
        for (int at = 0; at < message.length; at += size) {
            byte[] piece = java.util.Arrays.copyOfRange(message, at, Math.min(message.length, at + size));
            send(toServer, piece);
        }
        return this;
    }

    /** The only fingerprint; fails when there is not exactly one. */
    HttpFingerprint only() {
        if (fingerprints.size() != 1) {
            throw new AssertionError("expected one fingerprint, got " + fingerprints);
        }
        return fingerprints.get(0);
    }

    /** The fingerprint of the request (the first one). */
    HttpFingerprint request() {
        HttpFingerprint f = fingerprints.get(0);
        if (!f.request()) {
            throw new AssertionError("first fingerprint is a response: " + f);
        }
        return f;
    }

    HttpFingerprint response() {
        for (HttpFingerprint f : fingerprints) {
            if (!f.request()) {
                return f;
            }
        }
        throw new AssertionError("no response fingerprint in " + fingerprints);
    }

    /** A conversation whose request (sent whole) has completed; for response tests. */
    static Conversation afterRequest(String request) {
        Conversation c = new Conversation();
        c.client(request);
        if (c.fingerprints.size() != 1 || c.done) {
            throw new AssertionError("request did not complete: " + c.fingerprints + " done=" + c.done);
        }
        return c;
    }

    static final String SIMPLE_REQUEST = "GET / HTTP/1.1\r\nHost: h\r\nUser-Agent: t/1\r\nAccept: */*\r\n\r\n";
}
