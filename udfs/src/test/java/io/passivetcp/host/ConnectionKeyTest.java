package io.passivetcp.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ConnectionKeyTest {

    /** The unrolled reads give what reading byte by byte gives, for every address length and word offset. */
    @Test
    void wordsAreTheBigEndianBytesWithZerosPastTheAddress() {
        Random random = new Random(3);
        for (int round = 0; round < 2000; round++) {
            byte[] address = new byte[16];
            random.nextBytes(address);
            for (int length = 0; length <= 16; length++) {
                for (int off : new int[] {0, 8}) {
                    long expected = 0;
                    for (int i = off; i < off + 8; i++) {
                        expected = (expected << 8) | (i < length ? address[i] & 0xFF : 0);
                    }
                    assertEquals(expected, ConnectionKey.word(address, off, length), "length " + length + " off " + off);
                }
            }
        }
    }
}
