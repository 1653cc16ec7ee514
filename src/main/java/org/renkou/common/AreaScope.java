package org.renkou.common;

import java.util.List;

/**
 * The areas a user may see: everything, or the subtrees under some area codes (a 12-digit village code, a
 * 15-digit grid code, a 9-digit town code). {@link #on} is the one place that turns that into SQL, so every
 * list is scoped the same way. Area codes nest by prefix, so "inside" is "starts with".
 */
public record AreaScope(boolean all, List<String> codes) {
    public static final AreaScope EVERYTHING = new AreaScope(true, List.of());

    public static AreaScope of(List<String> codes) {
        return new AreaScope(false, List.copyOf(codes));
    }

    /** One area and everything below it. */
    public static AreaScope of(String code) {
        return of(List.of(code));
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

    /**
     * The condition that a row lies in this scope, on its village and grid columns (a table without grids
     * passes {@code "null"}): the one way queries of personal data are scoped.
     */
    public AreaCondition on(String villageColumn, String gridColumn) {
        return AreaCondition.of(this, villageColumn, gridColumn);
    }
}
