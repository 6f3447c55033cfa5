package io.passivetcp.signature;

/**
 * One entry of a {@code sys = ...} line (spec §3.5): the systems an application label is expected to run on.
 *
 * @param isClass true for {@code @class}: {@code id} is a class id; false: {@code id} is a name id
 * @param id      index into {@link SignatureDatabase#classes()} or name id for {@link SignatureDatabase#nameOf}
 */
public record SysEntry(boolean isClass, int id) {}
