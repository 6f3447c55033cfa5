package io.passivetcp.signature;

import java.util.List;

/**
 * One {@code label = type:class:name:flavor} line of a tcp or http section (spec §3.4), shared by the signatures
 * that follow it. Immutable.
 */
public final class Label {
    /** {@link #classId()} of a user application ({@code !}). */
    public static final int APPLICATION_CLASS = -1;

    private final int id;
    private final boolean generic;
    private final int classId;
    private final int nameId;
    private final String name;
    private final String flavor;
    private final List<SysEntry> sys;

    Label(int id, boolean generic, int classId, int nameId, String name, String flavor, List<SysEntry> sys) {
        this.id = id;
        this.generic = generic;
        this.classId = classId;
        this.nameId = nameId;
        this.name = name;
        this.flavor = flavor;
        this.sys = List.copyOf(sys);
    }

    /** The same label with the {@code sys} line that followed it. */
    Label withSys(List<SysEntry> entries) {
        return new Label(id, generic, classId, nameId, name, flavor, entries);
    }

    /** Sequential label id over the tcp and http sections, starting at 1 (p0f's {@code label_id}). */
    public int id() {
        return id;
    }

    /** Type {@code g}. */
    public boolean generic() {
        return generic;
    }

    /** Index into {@link SignatureDatabase#classes()}, or {@link #APPLICATION_CLASS} for {@code !}. */
    public int classId() {
        return classId;
    }

    public boolean isApplication() {
        return classId == APPLICATION_CLASS;
    }

    /** Interned name id (case-insensitive, see {@link SignatureDatabase#nameOf}). */
    public int nameId() {
        return nameId;
    }

    /** The name's first spelling in the file, which is what p0f prints. */
    public String name() {
        return name;
    }

    /** Everything after the third colon, verbatim (trailing blanks included); "" when none. */
    public String flavor() {
        return flavor;
    }

    /** {@code Name} or {@code Name Flavor}, as p0f prints it. */
    public String displayName() {
        return flavor.isEmpty() ? name : name + " " + flavor;
    }

    /** The {@code sys} entries of an application label; empty for OS labels. */
    public List<SysEntry> sys() {
        return sys;
    }

    @Override
    public String toString() {
        return "Label#" + id + "(" + (generic ? "g" : "s") + ":" + (isApplication() ? "!" : classId) + ":"
                + displayName() + ")";
    }
}
