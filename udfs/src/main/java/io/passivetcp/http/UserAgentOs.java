package io.passivetcp.http;

import io.passivetcp.signature.SignatureDatabase;

/** The {@code ua_os} lookup of spec §8.8 ({@code ua_vs_os}). */
public final class UserAgentOs {
    private UserAgentOs() {}

    /**
     * The first {@code ua_os} entry, in file order, whose substring occurs in {@code sw} (case-sensitive, byte-wise),
     * or null (also for a null {@code sw}).
     */
    public static io.passivetcp.signature.UserAgentOs find(SignatureDatabase db, String sw) {
        if (sw == null) {
            return null;
        }
        for (io.passivetcp.signature.UserAgentOs u : db.uaOs()) {
            if (CStrings.contains(sw, u.substring())) {
                return u;
            }
        }
        return null;
    }

    /** The name of the OS {@code sw} claims ({@link #find}), or null. */
    public static String name(SignatureDatabase db, String sw) {
        io.passivetcp.signature.UserAgentOs u = find(db, sw);
        return u == null ? null : u.name();
    }
}
