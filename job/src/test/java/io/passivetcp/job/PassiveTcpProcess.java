package io.passivetcp.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.passivetcp.job.cli.PassiveTcpCommand;

/** The command line that runs {@code passivetcp} in a JVM of its own, with the test classpath and the CLI logging. */
public final class PassiveTcpProcess {
    private PassiveTcpProcess() {}

    /**
     * @param dir where the JVM's option file goes (the classpath is too long for some command-line printers)
     * @param jvmOptions further JVM options, e.g. system properties
     * @return java, its options and the main class: append passivetcp's arguments
     */
    public static List<String> command(Path dir, String... jvmOptions) throws IOException {
        List<String> options = new ArrayList<>(List.of("-Xmx1g",
                "-Dlog4j.configurationFile=" + Path.of("../config/log4j2-cli.properties").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path")));
        options.addAll(List.of(jvmOptions));
        Path file = Files.createTempFile(dir, "java-options", ".txt");
        Files.writeString(file, String.join("\n", options));
        return List.of(ProcessHandle.current().info().command().orElse("java"), "@" + file,
                PassiveTcpCommand.class.getName());
    }
}
