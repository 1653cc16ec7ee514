package org.renkou.common;

import java.util.ArrayList;
import java.util.List;

/**
 * The areas a user may see: everything, or the subtrees under some area codes (a 12-digit village code, a
 * 15-digit grid code, a 9-digit town code). The one place that turns that into SQL, so every list is scoped
 * the same way. Area codes nest by prefix, so "inside" is "starts with".
 */
public record AreaScope(boolean all, List<String> codes) {
    public static final AreaScope EVERYTHING = new AreaScope(true, List.of());

    public static AreaScope of(List<String> codes) {
        return new AreaScope(false, List.copyOf(codes));
    }

    public boolean covers(String villageCode, String gridCode) {
        return all || codes.stream().anyMatch(c -> c.length() >= 15
                ? c.equals(gridCode)
                : villageCode != null && villageCode.startsWith(c));
    }

    /** Whether the area lies inside (or is) one of the user's areas. */
    public boolean contains(String areaCode) {
        return all || codes.stream().anyMatch(areaCode::startsWith);
    }

    /** Whether the area is on the way to, or inside, one of the user's areas (for walking the tree). */
    public boolean coversArea(String areaCode) {
        return all || codes.stream().anyMatch(c -> areaCode.startsWith(c) || c.startsWith(areaCode));
    }

    /** A SQL condition (in parentheses, so it joins any text) on the given columns; parameters go to {@code params}. */
    public String sql(String villageColumn, String gridColumn, List<Object> params) {
        if (all) {
            return "(true)";
        }
        if (codes.isEmpty()) {
            return "(false)";
        }
        List<String> parts = new ArrayList<>();
        for (String c : codes) {
            if (c.length() >= 15) {
                parts.add(gridColumn + " = ?");
                params.add(c);
            } else {
                parts.add(villageColumn + " like ?");
                params.add(c + "%");
            }
        }
        return "(" + String.join(" or ", parts) + ")";
    }
}
