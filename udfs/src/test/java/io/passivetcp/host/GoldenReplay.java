package io.passivetcp.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.passivetcp.SequentialAnalyzer;
import io.passivetcp.output.P0fFormat;
import io.passivetcp.signature.SignatureDatabase;

/**
 * Runs a golden capture through the sequential engine (decoder, flow dispatch, host state) and renders the host
 * engine's events ({@code uptime}, {@code host change}, {@code ip sharing}) as p0f log lines, to compare with
 * p0f's own log.
 */
final class GoldenReplay {
    private GoldenReplay() {}

    static final Set<String> HOST_MODULES = Set.of("uptime", "host change", "ip sharing");

    /** The host engine's lines for {@code pcap}. */
    static List<String> run(SignatureDatabase db, Path pcap) throws IOException {
        try (InputStream in = Files.newInputStream(pcap)) {
            return new SequentialAnalyzer(db).analyze(in, pcap.toString()).stream()
                    .filter(o -> HOST_MODULES.contains(o.module)).map(P0fFormat::logLine).toList();
        }
    }

    /** The lines of {@code log} that the host engine produces. */
    static List<String> expected(Path log) throws IOException {
        return Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream()
                .filter(l -> l.contains("] mod=uptime|") || l.contains("] mod=host change|")
                        || l.contains("] mod=ip sharing|"))
                .toList();
    }
}
