package io.passivetcp.testutils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the read-only reference material in {@code ../shared} (p0f spec, golden pcaps, corpus, stock database).
 *
 * <p>Third-party data is never copied into the repository, so tests read it in place. When it is missing a test
 * that needs it is skipped on a developer machine, but fails under {@code CI=true}.
 */
public final class SharedData {
    private SharedData() {}

    /** The {@code shared} folder, found by walking up from the working directory. */
    public static Path root() {
        Path dir = Paths.get("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolveSibling("shared");
            if (Files.isRegularFile(candidate.resolve("spec/p0f-semantics.md"))) {
                return candidate;
            }
        }
        String message = "../shared (p0f spec, corpus, stock database) not found above " + dir;
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
        return null;
    }

    public static Path resolve(String relative) {
        return root().resolve(relative);
    }

    /** The stock p0f 3.09b database that produced every golden log. */
    public static Path stockDatabase() {
        return resolve("p0f/p0f.fp");
    }
}
