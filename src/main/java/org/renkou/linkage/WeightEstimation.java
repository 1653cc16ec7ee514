package org.renkou.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Estimates the weights from the register itself, as Splink does: u from random pairs (nearly all two people),
 * m and the share of true pairs by EM ({@link ExpectationMaximisation}) in two sessions over blocked pairs —
 * pairs born the same day (which says nothing of the birth date, so its m is not estimated there) and pairs
 * of one birth year and name pinyin (nothing of the name) — each comparison's m averaged over the sessions that
 * estimated it. Levels that are no evidence (a field left empty) keep m = u = 1.
 */
final class WeightEstimation {
    /** The estimate: the levels with m and u, the share of true pairs among blocked pairs, pairs used. */
    record Estimate(Weights weights, double matchShare, long pairs) {
    }

    /** Told each step as it begins, with the blocked pairs used so far: what a job's page shows. */
    interface Progress {
        void step(String step, long pairs);
    }

    /** Random pairs for u, and blocked pairs at most per session (a sample beyond). */
    static final int RANDOM_PAIRS = 300_000;
    static final long SESSION_PAIRS = 2_000_000;
    /** The default m counts as this many true pairs: a village's few duplicates do not overturn it. */
    static final double PRIOR_PAIRS = 200;

    private final Weights start;
    private final Comparison[] comparisons = Comparison.values();
    private final List<List<Weights.Level>> levels = new ArrayList<>();
    private final List<Map<String, Integer>> index = new ArrayList<>();

    WeightEstimation(Weights start) {
        this.start = start;
        for (Comparison c : comparisons) {
            List<Weights.Level> of = start.levels().stream().filter(l -> l.comparison() == c).toList();
            Map<String, Integer> at = new HashMap<>();
            for (int i = 0; i < of.size(); i++) {
                at.put(of.get(i).level(), i);
            }
            levels.add(of);
            index.add(at);
        }
    }

    Estimate estimate(List<LinkRecord> records, Blocking blocking, Progress progress) {
        Random random = new Random(16);
        progress.step("RANDOM", 0);
        double[][] u = randomPairs(records, random);
        boolean[][] neutral = new boolean[comparisons.length][];
        double[][] m = new double[comparisons.length][];
        for (int k = 0; k < comparisons.length; k++) {
            List<Weights.Level> of = levels.get(k);
            neutral[k] = new boolean[of.size()];
            m[k] = new double[of.size()];
            for (int l = 0; l < of.size(); l++) {
                neutral[k][l] = of.get(l).neutral();
                m[k][l] = of.get(l).m();
            }
        }
        progress.step("BY_DATE", 0);
        ExpectationMaximisation.Result byDate = session(blocking, 'd', Comparison.BIRTH_DATE, u, m, neutral, random);
        progress.step("BY_NAME", byDatePairs);
        ExpectationMaximisation.Result byName = session(blocking, 'p', Comparison.NAME, u, m, neutral, random);
        List<Weights.Level> estimated = new ArrayList<>();
        for (int k = 0; k < comparisons.length; k++) {
            List<Weights.Level> of = levels.get(k);
            for (int l = 0; l < of.size(); l++) {
                Weights.Level was = of.get(l);
                if (was.neutral()) {
                    estimated.add(was);
                    continue;
                }
                double mk = comparisons[k] == Comparison.BIRTH_DATE ? byName.m()[k][l]
                        : comparisons[k] == Comparison.NAME ? byDate.m()[k][l]
                        : (byDate.m()[k][l] + byName.m()[k][l]) / 2;
                estimated.add(new Weights.Level(comparisons[k], was.level(), round(mk), round(u[k][l]), "EM"));
            }
        }
        long pairs = byDatePairs + byNamePairs;
        double share = (byDate.matchShare() * byDatePairs + byName.matchShare() * byNamePairs) / Math.max(1, pairs);
        return new Estimate(new Weights(estimated), share, pairs);
    }

    private long byDatePairs;
    private long byNamePairs;

    private ExpectationMaximisation.Result session(Blocking blocking, char kind, Comparison blockedOn, double[][] u,
                                                   double[][] m, boolean[][] neutral, Random random) {
        int[] sizes = levels.stream().mapToInt(List::size).toArray();
        ExpectationMaximisation em = new ExpectationMaximisation(sizes);
        long total = blocking.pairsOfKind(kind);
        double keep = total <= SESSION_PAIRS ? 1 : SESSION_PAIRS / (double) total;
        blocking.forEachPairOfKind(kind, keep, random, (a, b) -> em.add(vector(a, b)));
        if (kind == 'd') {
            byDatePairs = em.pairs();
        } else {
            byNamePairs = em.pairs();
        }
        boolean[] fixed = new boolean[comparisons.length];
        fixed[blockedOn.ordinal()] = true;
        if (em.pairs() == 0) {
            return new ExpectationMaximisation.Result(m, 0, 0);
        }
        return em.estimate(u, m, 0.01, neutral, fixed, 100, 1e-6, PRIOR_PAIRS);
    }

    /** u per level from random pairs, +1 smoothed, normalised over the levels that are evidence. */
    private double[][] randomPairs(List<LinkRecord> records, Random random) {
        double[][] counts = new double[comparisons.length][];
        for (int k = 0; k < comparisons.length; k++) {
            counts[k] = new double[levels.get(k).size()];
            java.util.Arrays.fill(counts[k], 1);
        }
        int n = records.size();
        for (int i = 0; n > 1 && i < RANDOM_PAIRS; i++) {
            int a = random.nextInt(n);
            int b = random.nextInt(n - 1);
            // two different persons: b skips a
            int[] v = vector(records.get(a), records.get(b >= a ? b + 1 : b));
            for (int k = 0; k < v.length; k++) {
                counts[k][v[k]]++;
            }
        }
        double[][] u = new double[comparisons.length][];
        for (int k = 0; k < comparisons.length; k++) {
            List<Weights.Level> of = levels.get(k);
            double evident = 0;
            for (int l = 0; l < of.size(); l++) {
                evident += of.get(l).neutral() ? 0 : counts[k][l];
            }
            u[k] = new double[of.size()];
            for (int l = 0; l < of.size(); l++) {
                u[k][l] = of.get(l).neutral() ? of.get(l).u() : counts[k][l] / evident;
            }
        }
        return u;
    }

    private int[] vector(LinkRecord a, LinkRecord b) {
        int[] v = new int[comparisons.length];
        for (int k = 0; k < comparisons.length; k++) {
            Integer at = index.get(k).get(comparisons[k].level(a, b));
            if (at == null) {
                throw new IllegalStateException("no level " + comparisons[k].level(a, b) + " of " + comparisons[k]);
            }
            v[k] = at;
        }
        return v;
    }

    /** Six significant digits: what is stored and shown. */
    private static double round(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(6)).doubleValue();
    }
}
