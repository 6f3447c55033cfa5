package io.passivetcp.signature;

import io.passivetcp.testutils.SharedData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Databases for tests: the stock p0f.fp (read in place from ../shared), and inline ones. */
public final class TestDatabases {
    private static SignatureDatabase stock;

    private TestDatabases() {}

    /** p0f 3.09b's stock database, loaded once. */
    public static synchronized SignatureDatabase stock() {
        if (stock == null) {
            stock = load(SharedData.stockDatabase());
        }
        return stock;
    }

    /** The golden examples' custom database (tools/customdb.fp). */
    public static SignatureDatabase customDb() {
        return load(SharedData.resolve("spec/p0f-examples/tools/customdb.fp"));
    }

    public static SignatureDatabase load(Path file) {
        try {
            return SignatureDatabase.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SignatureSyntaxException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Lines joined with LF, parsed under the name {@code test.fp}. */
    public static SignatureDatabase parse(String... lines) {
        try {
            return SignatureDatabase.parse("test.fp", String.join("\n", lines));
        } catch (SignatureSyntaxException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A database with {@code classes = win,unix,other} and these [tcp:request] lines (labels and sigs). */
    public static SignatureDatabase tcpRequest(String... sectionLines) {
        String[] lines = new String[sectionLines.length + 2];
        lines[0] = "classes = win,unix,other";
        lines[1] = "[tcp:request]";
        System.arraycopy(sectionLines, 0, lines, 2, sectionLines.length);
        return parse(lines);
    }
}
