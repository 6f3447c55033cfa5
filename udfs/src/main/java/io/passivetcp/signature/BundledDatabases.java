package io.passivetcp.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The signature databases that ship inside the jar, by name: {@code passivetcp} (the default, {@code
 * config/passivetcp.fp}: p0f 3.09b's lines plus ours for current stacks) and {@code p0f} ({@code config/p0f.fp}:
 * p0f 3.09b's lines alone, for p0f's exact results). Both are LGPL-2.1 data; see {@code config/NOTICE-p0f.md}.
 */
public final class BundledDatabases {
    /** The database used when none is chosen. */
    public static final String DEFAULT = "passivetcp";

    /** Every bundled name, the default first. */
    public static final List<String> NAMES = List.of(DEFAULT, "p0f");

    private BundledDatabases() {}

    public static boolean contains(String name) {
        return NAMES.contains(name);
    }

    /** The text of the bundled database {@code name}, one of {@link #NAMES}. */
    public static String text(String name) {
        if (!contains(name)) {
            throw new IllegalArgumentException("no bundled signature database '" + name + "'; there are " + NAMES);
        }
        String resource = name + ".fp";
        try (InputStream in = BundledDatabases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the bundled signature database " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled database {@code name}, parsed; its source name is {@code config/NAME.fp}. */
    public static SignatureDatabase load(String name) {
        try {
            return SignatureDatabase.parse("config/" + name + ".fp", text(name));
        } catch (SignatureSyntaxException e) {
            throw new IllegalStateException("the bundled signature database is broken: " + e.getMessage(), e);
        }
    }
}
