package io.passivetcp.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import io.passivetcp.signature.SignatureDatabase;

/** The signature database the benchmarks match with: p0f's stock one from {@code ../shared}, or the installed one. */
final class BenchDatabase {
    private BenchDatabase() {}

    static SignatureDatabase load() throws Exception {
        for (String candidate : new String[] {"../../shared/p0f/p0f.fp", "../shared/p0f/p0f.fp", "/etc/p0f/p0f.fp"}) {
            Path p = Paths.get(candidate);
            if (Files.isRegularFile(p)) {
                return SignatureDatabase.load(p);
            }
        }
        throw new IllegalStateException("no signature database: ../shared/p0f/p0f.fp or /etc/p0f/p0f.fp");
    }
}
