package io.passivetcp.flink;

import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;

/** The state descriptors shared by more than one function. */
public final class StateDescriptors {
    private StateDescriptors() {}

    /** A signature database as it travels: (source name, p0f.fp text). Parsed where it is used. */
    public static final TypeInformation<Tuple2<String, String>> DATABASE_TEXT = Types.TUPLE(Types.STRING, Types.STRING);

    /** Broadcast state holding the database in force under {@link #CURRENT_DATABASE}. */
    public static final MapStateDescriptor<String, Tuple2<String, String>> DATABASE =
            new MapStateDescriptor<>("signature-database", Types.STRING, DATABASE_TEXT);

    public static final String CURRENT_DATABASE = "current";
}
