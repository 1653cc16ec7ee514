package org.renkou.linkage;

import java.util.HashMap;
import java.util.Map;

/**
 * How often each (normalised) name is in the register a run reads: two records sharing a rare name are stronger
 * evidence of one person than two sharing 张伟, so a run weighs an exact name by its own frequency rather than
 * the average one of {@code linkage/weights.tsv} (Splink's term-frequency adjustment). Rarer than
 * {@link #RAREST} is not counted rarer: a name held once may be spelt otherwise elsewhere in the register.
 */
final class NameFrequencies {
    /** The least share of the register a name is taken to have. */
    static final double RAREST = 1e-5;

    private final Map<String, int[]> counts = new HashMap<>();
    private long records;

    void add(LinkRecord r) {
        records++;
        if (!r.name().isEmpty()) {
            counts.computeIfAbsent(r.name(), n -> new int[1])[0]++;
        }
    }

    /** The share of the register with this name: u of an exact agreement on it. */
    double share(String name) {
        int[] n = counts.get(name);
        return Math.max(RAREST, n == null || records == 0 ? 0 : n[0] / (double) records);
    }
}
