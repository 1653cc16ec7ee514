package org.renkou.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** EM on synthetic pairs whose true m, u and share of true pairs are known: it must find them again. */
class ExpectationMaximisationTest {
    /** Three comparisons of 3, 2 and 4 levels; the last level of the third is "absent" (no evidence). */
    static final double[][] M = {{0.85, 0.1, 0.05}, {0.95, 0.05}, {0.7, 0.2, 0.1, 0.3}};
    static final double[][] U = {{0.01, 0.09, 0.9}, {0.5, 0.5}, {0.02, 0.08, 0.9, 0.3}};
    static final boolean[][] NEUTRAL = {{false, false, false}, {false, false}, {false, false, false, true}};
    static final double LAMBDA = 0.08;

    @Test
    void recoversTheTrueMAndTheShareOfTruePairsFromAPoorStart() {
        ExpectationMaximisation em = synthetic(200_000, new Random(1));
        double[][] start = {{0.4, 0.3, 0.3}, {0.6, 0.4}, {0.4, 0.3, 0.3, 1}};
        var result = em.estimate(U, start, 0.3, NEUTRAL, new boolean[3], 200, 1e-7, 0);
        for (int k = 0; k < M.length; k++) {
            for (int l = 0; l < M[k].length; l++) {
                if (!NEUTRAL[k][l]) {
                    // m of the third comparison is normalised over its evident levels: 0.7, 0.2, 0.1 already sum to 1
                    assertThat(result.m()[k][l]).as("m of comparison %d level %d", k, l).isCloseTo(M[k][l], within(0.02));
                }
            }
        }
        assertThat(result.matchShare()).isCloseTo(LAMBDA, within(0.005));
        assertThat(result.iterations()).isLessThan(200);
    }

    @Test
    void aFixedComparisonKeepsItsMAndIsLeftOutOfTheEstimate() {
        ExpectationMaximisation em = synthetic(100_000, new Random(2));
        double[][] start = {{0.4, 0.3, 0.3}, {0.5, 0.5}, {0.4, 0.3, 0.3, 1}};
        var result = em.estimate(U, start, 0.3, NEUTRAL, new boolean[]{false, true, false}, 200, 1e-7, 0);
        assertThat(result.m()[1]).containsExactly(0.5, 0.5);
        assertThat(result.m()[0][0]).isCloseTo(0.85, within(0.03));
        assertThat(result.matchShare()).isCloseTo(LAMBDA, within(0.01));
    }

    @Test
    void withFewTruePairsThePriorPrevailsAndWithManyTheData() {
        double[][] prior = {{0.6, 0.3, 0.1}, {0.9, 0.1}, {0.5, 0.3, 0.2, 1}};
        // 200,000 pairs hold 16,000 true ones: a prior of 200 pairs moves m by little
        var many = synthetic(200_000, new Random(4)).estimate(U, prior, 0.3, NEUTRAL, new boolean[3], 200, 1e-7, 200);
        assertThat(many.m()[0][0]).isCloseTo(0.85, within(0.02));
        // 250 pairs hold about 20 true ones: the prior of 200 pairs keeps m near it
        var few = synthetic(250, new Random(5)).estimate(U, prior, 0.3, NEUTRAL, new boolean[3], 200, 1e-7, 200);
        assertThat(few.m()[0][0]).isBetween(0.5, 0.75);
        for (double[] m : few.m()) {
            for (double x : m) {
                assertThat(x).isGreaterThanOrEqualTo(ExpectationMaximisation.SMALLEST);
            }
        }
    }

    /** Pairs drawn from the true model: a true pair with probability λ, each comparison's level from m or u. */
    static ExpectationMaximisation synthetic(int pairs, Random r) {
        ExpectationMaximisation em = new ExpectationMaximisation(new int[]{3, 2, 4});
        for (int i = 0; i < pairs; i++) {
            double[][] p = r.nextDouble() < LAMBDA ? M : U;
            int[] levels = new int[3];
            for (int k = 0; k < 3; k++) {
                levels[k] = draw(p[k], r, k == 2);
            }
            em.add(levels);
        }
        return em;
    }

    /** A level drawn from the distribution; with an absent level, it comes first (its probability apart). */
    static int draw(double[] p, Random r, boolean withAbsent) {
        if (withAbsent) {
            if (r.nextDouble() < p[3]) {
                return 3;
            }
            return draw(new double[]{p[0], p[1], p[2]}, r, false);
        }
        double x = r.nextDouble() * java.util.Arrays.stream(p).sum();
        for (int l = 0; l < p.length; l++) {
            x -= p[l];
            if (x < 0) {
                return l;
            }
        }
        return p.length - 1;
    }
}
