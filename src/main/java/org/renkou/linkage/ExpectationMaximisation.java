package org.renkou.linkage;

import java.util.HashMap;
import java.util.Map;

/**
 * Fellegi–Sunter m-probabilities and the share of true pairs (λ) by expectation–maximisation over the comparison
 * vectors of blocked pairs, u held fixed (from random pairs, where nearly every pair is two people), as Splink
 * trains its models. A comparison the pairs were blocked on says nothing there (every pair agrees on it): it is
 * left out of the session ("fixed") and keeps its m. Levels that are no evidence (a field left empty) are left
 * out of every product and of m's normalisation. Vectors are counted by pattern, so a million pairs of a few
 * hundred patterns cost a few hundred multiplications per iteration.
 */
final class ExpectationMaximisation {
    /** What EM found: m per comparison and level, λ, and how many iterations it took. */
    record Result(double[][] m, double matchShare, int iterations) {
    }

    /** m below this is taken as this: a level never seen among true pairs is very strong, not infinite, evidence. */
    static final double SMALLEST = 1e-6;

    private final int[] levelsPerComparison;
    private final Map<Long, long[]> patterns = new HashMap<>();
    private long pairs;

    ExpectationMaximisation(int[] levelsPerComparison) {
        for (int n : levelsPerComparison) {
            if (n > 15) {
                throw new IllegalArgumentException("at most 15 levels per comparison");
            }
        }
        this.levelsPerComparison = levelsPerComparison.clone();
    }

    /** One pair's comparison vector: the index of its level for each comparison. */
    void add(int[] levels) {
        long key = 0;
        for (int k = 0; k < levels.length; k++) {
            key |= (long) levels[k] << (4 * k);
        }
        patterns.computeIfAbsent(key, x -> new long[1])[0]++;
        pairs++;
    }

    long pairs() {
        return pairs;
    }

    /**
     * Iterates from the starting m and λ until no m or λ moves by more than the tolerance.
     * @param neutral per comparison and level: no evidence either way (m = u = 1, left out)
     * @param fixed per comparison: the session's blocking comparison, left out and not estimated
     * @param priorPairs how many true pairs the starting m counts as (a Dirichlet prior): with few true pairs in the
     *        data (a village) the start prevails, with many (a town's old data) the data; 0 for plain EM
     */
    Result estimate(double[][] u, double[][] mStart, double matchShareStart, boolean[][] neutral, boolean[] fixed,
                    int maxIterations, double tolerance, double priorPairs) {
        int comparisons = levelsPerComparison.length;
        double[][] m = new double[comparisons][];
        for (int k = 0; k < comparisons; k++) {
            m[k] = mStart[k].clone();
        }
        double lambda = matchShareStart;
        long[] keys = patterns.keySet().stream().mapToLong(Long::longValue).toArray();
        int[][] vectors = new int[keys.length][comparisons];
        long[] counts = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            for (int k = 0; k < comparisons; k++) {
                vectors[i][k] = (int) (keys[i] >>> (4 * k) & 15);
            }
            counts[i] = patterns.get(keys[i])[0];
        }
        int iteration = 0;
        while (iteration < maxIterations) {
            iteration++;
            double[][] expected = new double[comparisons][];
            for (int k = 0; k < comparisons; k++) {
                expected[k] = new double[levelsPerComparison[k]];
            }
            double matches = 0;
            for (int i = 0; i < vectors.length; i++) {
                double logRatio = Math.log(lambda / (1 - lambda));
                for (int k = 0; k < comparisons; k++) {
                    int l = vectors[i][k];
                    if (!fixed[k] && !neutral[k][l]) {
                        logRatio += Math.log(m[k][l] / u[k][l]);
                    }
                }
                double posterior = 1 / (1 + Math.exp(-logRatio)) * counts[i];
                matches += posterior;
                for (int k = 0; k < comparisons; k++) {
                    expected[k][vectors[i][k]] += posterior;
                }
            }
            double moved = Math.abs(matches / pairs - lambda);
            lambda = Math.min(1 - SMALLEST, Math.max(SMALLEST, matches / pairs));
            for (int k = 0; k < comparisons; k++) {
                if (fixed[k]) {
                    continue;
                }
                double evident = 0;
                double prior = 0;
                for (int l = 0; l < levelsPerComparison[k]; l++) {
                    evident += neutral[k][l] ? 0 : expected[k][l];
                    prior += neutral[k][l] ? 0 : mStart[k][l];
                }
                for (int l = 0; l < levelsPerComparison[k]; l++) {
                    if (neutral[k][l] || evident + priorPairs == 0) {
                        continue;
                    }
                    double pseudo = prior == 0 ? 0 : priorPairs * mStart[k][l] / prior;
                    double next = Math.max(SMALLEST, (expected[k][l] + pseudo) / (evident + priorPairs));
                    moved = Math.max(moved, Math.abs(next - m[k][l]));
                    m[k][l] = next;
                }
            }
            if (moved < tolerance) {
                break;
            }
        }
        return new Result(m, lambda, iteration);
    }
}
