package io.ledgerbridge.workspace;

import io.ledgerbridge.api.ConflictException;
import io.ledgerbridge.workspace.WorkspaceSettings.Modules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dependency chain of the sync modules: tax rates → items and contacts → invoice push and pull.
 * Turning a module on turns its prerequisites on; turning a prerequisite off while a dependant stays
 * on is refused, naming what has to go off first.
 */
final class ModuleChain {

    /** Each module and the modules it needs, in chain order. */
    private static final Map<String, List<String>> PREREQUISITES = new LinkedHashMap<>();

    static {
        PREREQUISITES.put("taxRates", List.of());
        PREREQUISITES.put("items", List.of("taxRates"));
        PREREQUISITES.put("contacts", List.of("taxRates"));
        PREREQUISITES.put("invoicePush", List.of("items", "contacts"));
        PREREQUISITES.put("invoicePull", List.of("items", "contacts"));
    }

    private ModuleChain() {
    }

    /**
     * Applies a request to the current toggles. A module the request leaves out (null) keeps its value.
     *
     * @throws ModuleChainException when the request turns off a module that another one still needs
     */
    public static Modules apply(Modules current, Map<String, Boolean> requested) {
        Map<String, Boolean> target = asMap(current);
        requested.forEach((module, on) -> {
            if (!target.containsKey(module)) {
                throw new IllegalArgumentException("Unknown module '" + module + "'; the modules are " + target.keySet());
            }
            if (on != null) {
                target.put(module, on);
            }
        });
        for (Map.Entry<String, Boolean> entry : requested.entrySet()) {
            if (Boolean.FALSE.equals(entry.getValue())) {
                dependantStillOn(entry.getKey(), target).ifPresent(dependant -> {
                    throw new ModuleChainException("'" + entry.getKey() + "' cannot be turned off while '" + dependant
                            + "' is on, because '" + dependant + "' needs it. Turn off '" + dependant + "' first.");
                });
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, List<String>> module : PREREQUISITES.entrySet()) {
                if (target.get(module.getKey())) {
                    for (String prerequisite : module.getValue()) {
                        changed |= target.put(prerequisite, true) != Boolean.TRUE;
                    }
                }
            }
        }
        return new Modules(target.get("taxRates"), target.get("items"), target.get("contacts"),
                target.get("invoicePush"), target.get("invoicePull"));
    }

    /** The first module that is on in {@code target} and needs {@code module}, directly or through another. */
    private static Optional<String> dependantStillOn(String module, Map<String, Boolean> target) {
        for (Map.Entry<String, List<String>> candidate : PREREQUISITES.entrySet()) {
            if (target.get(candidate.getKey()) && needs(candidate.getKey(), module)) {
                return Optional.of(candidate.getKey());
            }
        }
        return Optional.empty();
    }

    private static boolean needs(String module, String prerequisite) {
        List<String> direct = PREREQUISITES.get(module);
        return direct.contains(prerequisite) || direct.stream().anyMatch(next -> needs(next, prerequisite));
    }

    private static Map<String, Boolean> asMap(Modules modules) {
        Map<String, Boolean> map = new LinkedHashMap<>();
        map.put("taxRates", modules.taxRates());
        map.put("items", modules.items());
        map.put("contacts", modules.contacts());
        map.put("invoicePush", modules.invoicePush());
        map.put("invoicePull", modules.invoicePull());
        return map;
    }

    /** The request would leave a module on without something it needs. */
    public static class ModuleChainException extends ConflictException {
        public ModuleChainException(String message) {
            super("Module dependency", message);
        }
    }
}
