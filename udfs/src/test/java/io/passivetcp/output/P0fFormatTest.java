package io.passivetcp.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class P0fFormatTest {
    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Test
    void logTimeMatchesTheFormatterOnEverySecondItPrints() {
        long[] edges = {0, -1, 1, 59, 60, 86_399, 86_400, 951_782_400 /* 2000-02-29 */, 4_294_967_295L /* 2106 */,
                -62_135_596_800L /* year 1 */, -62_135_596_801L /* year 0 */, 253_402_300_799L /* 9999-12-31 */,
                253_402_300_800L /* year 10000 */, -100_000_000_000L, 1_000_000_000_000L};
        for (long s : edges) {
            assertLikeTheFormatter(s);
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            assertLikeTheFormatter(random.nextLong(-300_000_000_000L, 300_000_000_000L));
        }
    }

    private static void assertLikeTheFormatter(long seconds) {
        assertEquals(REFERENCE.format(Instant.ofEpochSecond(seconds)),
                P0fFormat.logTime(new StringBuilder(), seconds).toString(), "second " + seconds);
    }
}
