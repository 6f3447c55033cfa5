package io.passivetcp.job.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import io.passivetcp.job.cli.PassiveTcpCommand;
import picocli.CommandLine;

/**
 * deploy/kubernetes: the FlinkDeployment runs the jar this build makes, with the entry class and options the job
 * has, from where the Dockerfile puts it, with the S3 plugin of our Flink version.
 */
class KubernetesManifestTest {
    private static final Path DEPLOY = Paths.get("../deploy/kubernetes");
    private static final String USRLIB = "/opt/flink/usrlib/";

    @Test
    @SuppressWarnings("unchecked")
    void theDeploymentRunsTheBuiltJarWithValidArguments() throws IOException {
        Map<String, Object> deployment;
        try (var in = Files.newInputStream(DEPLOY.resolve("flinkdeployment.yaml"))) {
            deployment = new Yaml().load(in);
        }
        assertEquals("flink.apache.org/v1beta1", deployment.get("apiVersion"));
        assertEquals("FlinkDeployment", deployment.get("kind"));
        Map<String, Object> spec = (Map<String, Object>) deployment.get("spec");
        assertTrue(((String) spec.get("flinkVersion")).startsWith("v2_"), "a Flink 2 line");

        Map<String, Object> job = (Map<String, Object>) spec.get("job");
        String jarName = Paths.get(System.getProperty("passivetcp.jobJar")).getFileName().toString();
        assertEquals("local://" + USRLIB + jarName, job.get("jarURI"));
        assertEquals(PassiveTcpCommand.class.getName(), job.get("entryClass"));
        assertTrue((Integer) job.get("parallelism") > 0);
        List<String> args = (List<String>) job.get("args");
        PassiveTcpCommand command = new PassiveTcpCommand();
        new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args.toArray(String[]::new));
        assertTrue(args.stream().anyMatch(a -> a.startsWith("s3://")), "reads object storage: " + args);

        Map<String, Object> container = ((List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                spec.get("podTemplate")).get("spec")).get("containers")).get(0);
        assertEquals("flink-main-container", container.get("name"));
        Map<String, Object> plugins = ((List<Map<String, Object>>) container.get("env")).get(0);
        assertEquals("ENABLE_BUILT_IN_PLUGINS", plugins.get("name"));
        assertEquals("flink-s3-fs-hadoop-" + System.getProperty("passivetcp.flinkVersion") + ".jar",
                plugins.get("value"));

        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("\nCOPY job/target/" + jarName + " " + USRLIB + jarName + "\n"), dockerfile);
        assertTrue(dockerfile.contains("\nFROM flink:" + majorMinor(System.getProperty("passivetcp.flinkVersion"))
                + "\n"), dockerfile);
    }

    private static String majorMinor(String version) {
        return version.substring(0, version.lastIndexOf('.'));
    }
}
