package io.passivetcp.signature;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * OS and application names, interned case-insensitively (spec §3.4): a later {@code linux} reuses the id of an
 * earlier {@code Linux} and prints as {@code Linux}. Names are ASCII by grammar, so ROOT lower-casing is exact.
 */
final class NameTable {
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();

    int intern(String name) {
        return ids.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> {
            names.add(name);
            return names.size() - 1;
        });
    }

    String get(int id) {
        return names.get(id);
    }

    List<String> all() {
        return List.copyOf(names);
    }
}
