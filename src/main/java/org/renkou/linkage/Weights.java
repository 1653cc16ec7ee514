package org.renkou.linkage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Fellegi–Sunter weight log2(m/u) of each level of each comparison: by default from
 * {@code linkage/weights.tsv}, or a set estimated from the register and adopted (see {@link WeightEstimation}).
 */
final class Weights {
    /** One level of one comparison: m = P(level | same person), u = P(level | two people), and why. */
    record Level(Comparison comparison, String level, double m, double u, String why) {
        double weight() {
            return Math.log(m / u) / Math.log(2);
        }

        /** A level that is no evidence either way (a field left empty): its m and u are not estimated. */
        boolean neutral() {
            return m == u;
        }
    }

    private final List<Level> levels;
    private final Map<Comparison, Map<String, Double>> weights = new EnumMap<>(Comparison.class);
    private final Map<Comparison, Map<String, Double>> us = new EnumMap<>(Comparison.class);
    private final double[] best = new double[Comparison.values().length];

    Weights(List<Level> levels) {
        this.levels = List.copyOf(levels);
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        for (Level l : levels) {
            weights.computeIfAbsent(l.comparison(), c -> new HashMap<>()).put(l.level(), l.weight());
            us.computeIfAbsent(l.comparison(), c -> new HashMap<>()).put(l.level(), l.u());
            best[l.comparison().ordinal()] = Math.max(best[l.comparison().ordinal()], l.weight());
        }
    }

    /** The most the comparisons from position {@code from} of {@code order} on can add to a score. */
    double bestOfAll(Comparison[] order, int from) {
        double sum = 0;
        for (int i = from; i < order.length; i++) {
            sum += best[order[i].ordinal()];
        }
        return sum;
    }

    static Weights standard() {
        List<Level> levels = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Weights.class.getResourceAsStream("/linkage/weights.tsv"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                levels.add(new Level(Comparison.valueOf(f[0]), f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                        f.length > 4 ? f[4] : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Weights(levels);
    }

    /** Every level, in the order of {@code linkage/weights.tsv} (per comparison, from the most to the least alike). */
    List<Level> levels() {
        return levels;
    }

    /** u = P(level | two people) of a level. */
    double u(Comparison c, String level) {
        Double u = us.getOrDefault(c, Map.of()).get(level);
        if (u == null) {
            throw new IllegalStateException("no weight for " + c + " " + level + " in linkage/weights.tsv");
        }
        return u;
    }

    double of(Comparison c, String level) {
        Double w = weights.getOrDefault(c, Map.of()).get(level);
        if (w == null) {
            throw new IllegalStateException("no weight for " + c + " " + level + " in linkage/weights.tsv");
        }
        return w;
    }
}
