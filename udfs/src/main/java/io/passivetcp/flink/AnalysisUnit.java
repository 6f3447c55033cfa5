package io.passivetcp.flink;

import java.util.ArrayList;
import java.util.List;

import io.passivetcp.CaptureMerge;

/**
 * Captures analysed together, in one place ({@link UnitAnalysisOperator}): their paths and the times of their first
 * packets. A public-field POJO, so that Flink ships it without Kryo.
 */
public class AnalysisUnit {
    public String[] paths;
    public long[] firstMicros;

    public AnalysisUnit() {}

    public AnalysisUnit(List<CaptureMerge.Input> inputs) {
        paths = new String[inputs.size()];
        firstMicros = new long[inputs.size()];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = inputs.get(i).path();
            firstMicros[i] = inputs.get(i).firstMicros();
        }
    }

    List<CaptureMerge.Input> inputs() {
        List<CaptureMerge.Input> inputs = new ArrayList<>(paths.length);
        for (int i = 0; i < paths.length; i++) {
            inputs.add(new CaptureMerge.Input(paths[i], firstMicros[i]));
        }
        return inputs;
    }
}
