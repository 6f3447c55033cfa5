package io.passivetcp.signature;

/**
 * One {@code ua_os} entry (spec §3.8): a User-Agent containing {@code substring} claims OS {@code name}.
 *
 * @param substring the {@code =[...]} text, or the OS name itself (first spelling) when none was given
 * @param nameId    interned name id
 * @param name      the name's first spelling
 */
public record UserAgentOs(String substring, int nameId, String name) {}
