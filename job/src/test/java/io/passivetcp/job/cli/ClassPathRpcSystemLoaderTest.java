package io.passivetcp.job.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.rpc.RpcSystem;
import org.apache.flink.runtime.rpc.RpcSystemLoader;
import org.junit.jupiter.api.Test;

/**
 * The embedded run's RPC system loader is found before Flink's, and where the RPC system's jar is not on the class
 * path (as here, in the tests) it hands over to Flink's own loader rather than failing.
 */
class ClassPathRpcSystemLoaderTest {
    @Test
    void itIsFoundBeforeFlinksOwnLoader() {
        boolean found = false;
        for (RpcSystemLoader loader : ServiceLoader.load(RpcSystemLoader.class)) {
            if (loader instanceof ClassPathRpcSystemLoader) {
                found = true;
            } else {
                assertTrue(ClassPathRpcSystemLoader.LOAD_PRIORITY < loader.getLoadPriority(), loader.toString());
            }
        }
        assertTrue(found, "registered as a service");
    }

    @Test
    void withoutTheJarOnTheClassPathFlinksOwnLoaderGivesTheSystem() throws Exception {
        RpcSystem system = new ClassPathRpcSystemLoader().loadRpcSystem(new Configuration());
        assertNotNull(system);
        system.close();
    }
}
