package io.passivetcp.job.cli;

import java.util.Iterator;
import java.util.ServiceLoader;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.rpc.RpcSystem;
import org.apache.flink.runtime.rpc.RpcSystemLoader;
import org.apache.flink.runtime.rpc.pekko.PekkoRpcSystemLoader;

/**
 * The embedded run's RPC system (Pekko), from the class path: {@code job/bin/build-if-stale} puts the jar Flink's
 * own loader carries inside it ({@code flink-rpc-akka.jar}) on the embedded run's class path. Flink's loader copies
 * that 24 MB jar to a temporary file at every start and loads Pekko through a class loader of its own, which the
 * class-data archive of the run cannot cover; together a fifth of a short run's start-up. Where the jar is not on the
 * class path (the tests' MiniClusters), this loader hands over to Flink's own itself: Flink tries the other loaders
 * in no fixed order after the first fails, and the test jar's fallback loader searches the file system.
 */
public final class ClassPathRpcSystemLoader implements RpcSystemLoader {
    /** Before Flink's loader (priority 0). */
    static final int LOAD_PRIORITY = -1;

    @Override
    public int getLoadPriority() {
        return LOAD_PRIORITY;
    }

    @Override
    public RpcSystem loadRpcSystem(Configuration config) {
        Iterator<RpcSystem> systems = ServiceLoader.load(RpcSystem.class, RpcSystem.class.getClassLoader()).iterator();
        return systems.hasNext() ? systems.next() : new PekkoRpcSystemLoader().loadRpcSystem(config);
    }
}
