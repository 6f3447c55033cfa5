package io.passivetcp.testutils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Files of this repository (config/, datasets/), found by walking up from the module's working directory. */
public final class RepoFiles {
    private RepoFiles() {}

    public static Path resolve(String relative) {
        for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve(relative);
            if (Files.exists(candidate) && Files.isRegularFile(d.resolve("pom.xml"))
                    && Files.isDirectory(d.resolve("config"))) {
                return candidate;
            }
        }
        throw new IllegalStateException(relative + " not found above " + Paths.get("").toAbsolutePath());
    }
}
