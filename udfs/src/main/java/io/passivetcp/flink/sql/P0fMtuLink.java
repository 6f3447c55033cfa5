package io.passivetcp.flink.sql;

import io.passivetcp.mtu.MtuMatcher;

/**
 * {@code P0F_MTU_LINK(raw_mtu)}: the link type ({@code Ethernet or modem}, ..., or {@code ???}) the job names from
 * an MTU under the database of {@link DatabaseFunction}. Null in, null out.
 */
public final class P0fMtuLink extends DatabaseFunction {
    private static final long serialVersionUID = 1L;

    public String eval(Integer rawMtu) {
        return rawMtu == null ? null : MtuMatcher.link(db, rawMtu);
    }
}
