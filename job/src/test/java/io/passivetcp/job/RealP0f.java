package io.passivetcp.job;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * The real p0f 3.09b, run at test time ({@code TZ=UTC setarch -R p0f [-f DB] -r CAPTURE -o LOG}; address-space
 * randomisation off makes it deterministic): expected outputs come from it, not from p0f logs kept in the repo.
 */
final class RealP0f {
    private RealP0f() {}

    /** p0f and setarch on PATH, or a skip: a failure under {@code CI=true}, whose {@code .ci/run} installs them. */
    static void require(String test) {
        for (String tool : List.of("p0f", "setarch")) {
            if (LiveTrafficEndToEndITCase.which(tool).isEmpty()) {
                String message = tool + " not found: " + test + " compares with the real p0f";
                if ("true".equals(System.getenv("CI"))) {
                    fail(message);
                }
                Assumptions.abort(message);
            }
        }
    }

    /**
     * The event lines p0f logs for {@code capture} ({@link P0fParityITCase#p0fLines}), with {@code database}, or p0f's
     * own when null; its log and transcript are written in {@code dir}.
     */
    static List<String> log(Path capture, Path database, Path dir) throws Exception {
        Path log = dir.resolve(capture.getFileName() + ".p0f.log");
        List<String> command = new ArrayList<>(List.of("setarch", "-R", "p0f"));
        if (database != null) {
            command.addAll(List.of("-f", database.toString()));
        }
        command.addAll(List.of("-r", capture.toString(), "-o", log.toString()));
        LiveTrafficEndToEndITCase.run(command, LiveTrafficEndToEndITCase.P0F_TIMEOUT_SECONDS,
                dir.resolve(capture.getFileName() + ".p0f.txt"));
        assertTrue(Files.isRegularFile(log), "p0f wrote no log for " + capture);
        return P0fParityITCase.p0fLines(log);
    }
}
