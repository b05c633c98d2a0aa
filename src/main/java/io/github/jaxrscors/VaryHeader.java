package io.github.jaxrscors;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Merges tokens into a {@code Vary} value: what the resource set is kept, tokens compare
 * case-insensitively and are never duplicated, and {@code Vary: *} is left alone (it already
 * varies on everything).
 */
final class VaryHeader {

    private VaryHeader() {
    }

    /**
     * The merged value, or null when {@code existing} needs no change.
     *
     * @param existing the {@code Vary} values already on the response (null or empty: none)
     * @param tokens   comma-separated tokens to add
     */
    static @Nullable String merge(@Nullable List<?> existing, String tokens) {
        if (existing == null || existing.isEmpty()) {
            return tokens;
        }
        List<String> present = new ArrayList<>();
        for (Object value : existing) {
            for (String token : String.valueOf(value).split(",")) {
                String t = token.trim();
                if (t.equals("*")) {
                    return null;
                }
                if (!t.isEmpty() && !containsIgnoreCase(present, t)) {
                    present.add(t);
                }
            }
        }
        boolean changed = existing.size() > 1;
        // A one-character separator keeps String.split on its fast path: no regex per response.
        for (String token : tokens.split(",")) {
            String t = token.trim();
            if (!containsIgnoreCase(present, t)) {
                present.add(t);
                changed = true;
            }
        }
        return changed ? String.join(", ", present) : null;
    }

    private static boolean containsIgnoreCase(List<String> list, String token) {
        for (String s : list) {
            if (s.equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }
}
