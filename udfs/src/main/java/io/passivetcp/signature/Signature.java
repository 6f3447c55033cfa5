package io.passivetcp.signature;

/** What every {@code sig} line has, whatever its section: the label it belongs to and where it stands. */
public abstract class Signature {
    private final Label label;
    private final int line;

    protected Signature(Label label, int line) {
        this.label = label;
        this.line = line;
    }

    public Label label() {
        return label;
    }

    /** 1-based line of the {@code sig} in its file. */
    public int line() {
        return line;
    }

    public boolean generic() {
        return label.generic();
    }
}
