package io.passivetcp.testutils;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/** Tests that capture live need root (or CAP_NET_RAW): skipped without it, except under CI=true (CI is root). */
public final class Root {
    private Root() {}

    public static void require(String what) {
        if ("root".equals(System.getProperty("user.name"))) {
            return;
        }
        String message = what + " needs root (live capture)";
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }
}
