package org.renkou.migration;

import java.util.Map;
import java.util.Optional;

/** Where an inflow person lives, as a code; the names people write in a form or a file are accepted too. */
enum Housing {
    RENTED, DORMITORY, OWN, OTHER;

    /** The names in use for each kind (the UI's own names first, messages migration.housing.*). */
    private static final Map<String, Housing> NAMES = Map.ofEntries(
            Map.entry("租房", RENTED), Map.entry("出租屋", RENTED), Map.entry("出租房", RENTED), Map.entry("租住", RENTED),
            Map.entry("集体宿舍", DORMITORY), Map.entry("宿舍", DORMITORY), Map.entry("单位宿舍", DORMITORY),
            Map.entry("自有住房", OWN), Map.entry("自有", OWN), Map.entry("自购房", OWN), Map.entry("自建房", OWN),
            Map.entry("其他", OTHER), Map.entry("其它", OTHER));

    /** The code of a code or a known name; empty for anything else. */
    static Optional<Housing> of(String text) {
        String s = text.trim();
        for (Housing h : values()) {
            if (h.name().equalsIgnoreCase(s)) {
                return Optional.of(h);
            }
        }
        return Optional.ofNullable(NAMES.get(s));
    }
}
