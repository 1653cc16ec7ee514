package org.renkou.linkage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** The Fellegi–Sunter weight log2(m/u) of each level of each comparison, from {@code linkage/weights.tsv}. */
final class Weights {
    private final Map<Comparison, Map<String, Double>> weights = new EnumMap<>(Comparison.class);

    private Weights() {
    }

    static Weights standard() {
        Weights w = new Weights();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Weights.class.getResourceAsStream("/linkage/weights.tsv"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                double m = Double.parseDouble(f[2]);
                double u = Double.parseDouble(f[3]);
                w.weights.computeIfAbsent(Comparison.valueOf(f[0]), c -> new HashMap<>())
                        .put(f[1], Math.log(m / u) / Math.log(2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w;
    }

    double of(Comparison c, String level) {
        Double w = weights.getOrDefault(c, Map.of()).get(level);
        if (w == null) {
            throw new IllegalStateException("no weight for " + c + " " + level + " in linkage/weights.tsv");
        }
        return w;
    }
}
