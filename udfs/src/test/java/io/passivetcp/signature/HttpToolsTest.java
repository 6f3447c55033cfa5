package io.passivetcp.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.passivetcp.Observation;
import io.passivetcp.SequentialAnalyzer;
import io.passivetcp.testutils.RepoFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Real HTTP clients and servers of today (datasets/http-tools/, made by capture.sh there, versions in
 * versions.txt): each request and response gets the label config/passivetcp.fp claims for it, found by the software
 * it names (User-Agent, Server).
 */
class HttpToolsTest {
    /** Software string prefix (or what it contains, for browsers) to the label claimed; in capture order. */
    private static final Map<String, String> REQUESTS = new LinkedHashMap<>();
    private static final Map<String, String> RESPONSES = new LinkedHashMap<>();

    static {
        REQUESTS.put("curl/", "curl 7.43 or newer");
        REQUESTS.put("Wget/", "wget");
        REQUESTS.put("python-requests/", "python-requests");
        REQUESTS.put("Go-http-client/", "Go net/http client");
        REQUESTS.put("Java-http-client/", "Java HttpClient");
        REQUESTS.put("okhttp/", "okhttp");
        REQUESTS.put("HeadlessChrome/", "Chrome 86 or newer (or another Chromium browser)");
        REQUESTS.put("Firefox/", "Firefox 10.x or newer"); // stock's line, still right
        RESPONSES.put("nginx/", "nginx 1.x");
        RESPONSES.put("Apache/", "Apache 2.x"); // stock's line, still right
        RESPONSES.put("Caddy", "Caddy 2.x");
    }

    @Test
    void eachToolGetsTheClaimedLabel() throws IOException {
        List<Observation> events = http(BundledDatabases.load(BundledDatabases.DEFAULT));
        assertEquals(labels(REQUESTS, "http request", events), REQUESTS);
        assertEquals(labels(RESPONSES, "http response", events), RESPONSES);
    }

    @Test
    void stockKnowsOnlyFirefoxAndApache() throws IOException {
        List<Observation> events = http(TestDatabases.stock());
        Map<String, String> requests = labels(REQUESTS, "http request", events);
        Map<String, String> responses = labels(RESPONSES, "http response", events);
        requests.forEach((software, app) -> assertEquals(software.equals("Firefox/") ? REQUESTS.get(software) : "???",
                app, software));
        responses.forEach((software, app) -> assertEquals(software.equals("Apache/") ? RESPONSES.get(software)
                : "???", app, software));
    }

    /** For each software string of {@code expected}, the one label its events got (all must agree). */
    private static Map<String, String> labels(Map<String, String> expected, String module, List<Observation> events) {
        Map<String, String> got = new LinkedHashMap<>();
        for (String software : expected.keySet()) {
            List<String> apps = events.stream().filter(o -> o.module.equals(module))
                    .filter(o -> software(o).contains(software)).map(o -> o.get("app")).distinct()
                    .collect(Collectors.toList());
            assertEquals(1, apps.size(), software + ": " + apps);
            got.put(software, apps.get(0));
        }
        return got;
    }

    private static String software(Observation o) {
        String s = ((Observation.Http) o.data).software();
        return s == null ? "" : s;
    }

    private static List<Observation> http(SignatureDatabase db) throws IOException {
        Path capture = RepoFiles.resolve("datasets/http-tools/http-tools.pcap");
        try (InputStream in = Files.newInputStream(capture)) {
            return new SequentialAnalyzer(db).analyze(in, capture.toString()).stream()
                    .filter(o -> o.module.startsWith("http ")).collect(Collectors.toList());
        }
    }
}
