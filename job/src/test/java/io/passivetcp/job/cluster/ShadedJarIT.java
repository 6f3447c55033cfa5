package io.passivetcp.job.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

/**
 * The shaded job jar carries the job and its libraries, and nothing a Flink cluster already has: the same jar runs
 * embedded (with {@code job/target/flink-classpath.txt}), on a session cluster and in application mode.
 */
class ShadedJarIT {
    /** flink-parquet is not in Flink's distribution (lib/ has flink-connector-files, not the formats): we ship it. */
    static final String BUNDLED_FLINK_MODULE = "org/apache/flink/formats/parquet/";

    @Test
    void bundlesNoClassOfFlinksOwn() throws IOException {
        Set<String> classes = classes(Paths.get(System.getProperty("passivetcp.jobJar")));
        assertTrue(classes.contains("io/passivetcp/job/cli/PassiveTcpCommand.class"));
        assertTrue(classes.contains("io/passivetcp/flink/PcapFormat.class"));
        assertTrue(classes.contains("org/apache/parquet/avro/AvroParquetWriter.class"));
        List<String> flink = classes.stream()
                .filter(c -> c.startsWith("org/apache/flink/") && !c.startsWith(BUNDLED_FLINK_MODULE)).toList();
        assertEquals(List.of(), flink, "Flink classes in the job jar");
    }

    /** Not one class of the jar is also on the cluster's classpath: no version of anything is shadowed. */
    @Test
    void sharesNoClassWithTheClustersClasspath() throws IOException {
        Set<String> classes = classes(Paths.get(System.getProperty("passivetcp.jobJar")));
        String classpath = Files.readString(Paths.get(System.getProperty("passivetcp.flinkClasspath"))).strip();
        List<String> shared = new ArrayList<>();
        for (String lib : classpath.split(":")) {
            Set<String> libClasses = classes(Paths.get(lib));
            libClasses.retainAll(classes);
            libClasses.forEach(c -> shared.add(c + " (also in " + Paths.get(lib).getFileName() + ")"));
        }
        assertEquals(List.of(), shared.stream().limit(20).toList());
    }

    private static Set<String> classes(Path jar) throws IOException {
        Set<String> names = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class"))
                    .forEach(names::add);
        }
        return names;
    }
}
