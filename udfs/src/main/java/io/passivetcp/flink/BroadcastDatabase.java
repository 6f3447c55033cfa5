package io.passivetcp.flink;

import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.co.BaseBroadcastProcessFunction;

import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.SignatureSyntaxException;

/**
 * The signature database as a function sees it: the text in broadcast state (so it is checkpointed and the same on
 * every subtask), parsed once per text and JVM rather than once per record or subtask.
 */
final class BroadcastDatabase {
    private Tuple2<String, String> text;
    private SignatureDatabase parsed;

    /** Takes a new database; one that does not parse fails here and never replaces the one in force. */
    void accept(Tuple2<String, String> database, BaseBroadcastProcessFunction.Context ctx) throws Exception {
        parse(database);
        ctx.getBroadcastState(StateDescriptors.DATABASE).put(StateDescriptors.CURRENT_DATABASE, database);
    }

    /** The database in force. The broadcast side holds event time back until it has delivered one. */
    SignatureDatabase current(BaseBroadcastProcessFunction.ReadOnlyContext ctx) throws Exception {
        Tuple2<String, String> t =
                ctx.getBroadcastState(StateDescriptors.DATABASE).get(StateDescriptors.CURRENT_DATABASE);
        if (t == null) {
            throw new IllegalStateException("no signature database has arrived");
        }
        return parse(t);
    }

    private SignatureDatabase parse(Tuple2<String, String> t) throws SignatureSyntaxException {
        if (t != text && !t.equals(text)) {
            parsed = SignatureDatabase.parseShared(t.f0, t.f1);
            text = t;
        }
        return parsed;
    }
}
