package io.passivetcp.job.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.passivetcp.job.cli.PassiveTcpCommand.UsageException;
import io.passivetcp.signature.BundledDatabases;

/** {@code --db NAME|FILE} and {@code -f FILE}: which database a run gets, and the refusals. */
class DatabaseChoiceTest {
    @TempDir
    Path dir;

    @Test
    void withoutOptionsTheBundledPassivetcpDatabase() throws Exception {
        DatabaseChoice c = DatabaseChoice.resolve(null, null);
        assertEquals("passivetcp", c.name());
        assertEquals(BundledDatabases.text("passivetcp"), c.text());
        assertNull(c.file()); // nothing to watch with --follow
        assertTrue(c.summary().startsWith("signature database passivetcp (bundled config/passivetcp.fp, "),
                c.summary());
    }

    @Test
    void aBundledNameGivesThatDatabase() throws Exception {
        DatabaseChoice c = DatabaseChoice.resolve("p0f", null);
        assertEquals(BundledDatabases.text("p0f"), c.text());
        assertNull(c.file());
    }

    @Test
    void aFileGivenToEitherOptionIsRead() throws Exception {
        Path db = Files.writeString(dir.resolve("mine.fp"), "classes = win,unix\n");
        for (DatabaseChoice c : new DatabaseChoice[] {DatabaseChoice.resolve(db.toString(), null),
                DatabaseChoice.resolve(null, db.toString())}) {
            assertEquals("classes = win,unix\n", c.text());
            assertEquals(db.toString(), c.file());
            assertTrue(c.summary().startsWith("signature database " + db + " (0 signatures, sha256:"), c.summary());
        }
    }

    @Test
    void refusals() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.fp"), "classes = win,unix\n\n[tcp:request]\nsig = 4:64:0:*\n");
        assertRefused("give --db or -f, not both", "p0f", bad.toString());
        assertRefused("--db wants passivetcp or p0f or a database file; no such file: nosuch", "nosuch", null);
        assertRefused("no such signature database: " + dir.resolve("none.fp"), null, dir.resolve("none.fp").toString());
        assertRefused("bad signature database: " + bad, bad.toString(), null);
        // a folder or a device is named as such, and never opened (a FIFO would block the start)
        assertRefused("signature database " + dir + ": is a folder", null, dir.toString());
        assertRefused("signature database /dev/null: not a regular file", null, "/dev/null");
        assertRefused("--db wants passivetcp or p0f or a database file; " + dir + ": is a folder", dir.toString(),
                null);
    }

    private static void assertRefused(String message, String db, String file) {
        UsageException e = assertThrows(UsageException.class, () -> DatabaseChoice.resolve(db, file));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
