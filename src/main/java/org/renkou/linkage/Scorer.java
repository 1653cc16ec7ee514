package org.renkou.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Scores a pair of records: the Fellegi–Sunter sum of weights, the match it makes, and the reasons. */
final class Scorer {
    /** AUTO: so alike that a merge needs no second look; REVIEW: a person must decide. */
    enum Match { AUTO, REVIEW }

    /** A pair above the review threshold: score, match and the reasons (codes "COMPARISON.LEVEL"). */
    record Scored(double score, Match match, List<String> reasons) {
    }

    /** Replaced whole when the town office adopts estimated weights or goes back to the default. */
    private volatile Weights weights;
    private final LinkageSettings settings;

    Scorer(Weights weights, LinkageSettings settings) {
        this.weights = weights;
        this.settings = settings;
    }

    Weights weights() {
        return weights;
    }

    void use(Weights weights) {
        this.weights = weights;
    }

    /** The score of a pair, whatever it is. */
    double score(LinkRecord a, LinkRecord b) {
        Weights weights = this.weights;
        double score = 0;
        for (Comparison c : Comparison.values()) {
            score += weights.of(c, c.level(a, b));
        }
        return score;
    }

    /**
     * The comparisons in the order that rules most pairs out soonest: two valid different ID numbers or a different
     * sex already outweigh whatever the rest could add, so the names of most pairs born the same day are never compared.
     */
    private static final Comparison[] ORDER = {Comparison.ID_NUMBER, Comparison.SEX, Comparison.BIRTH_DATE,
            Comparison.HOUSEHOLD, Comparison.NAME, Comparison.VILLAGE, Comparison.HUKOU, Comparison.PHONE};

    /** The pair as a probable duplicate, or empty when the records are two people. */
    Optional<Scored> match(LinkRecord a, LinkRecord b) {
        return match(a, b, null);
    }

    /**
     * The same, an exact name weighed by how often it is in the register ({@code names}; null: the average
     * frequency of {@code linkage/weights.tsv}).
     */
    Optional<Scored> match(LinkRecord a, LinkRecord b, NameFrequencies names) {
        Weights weights = this.weights;
        // the most a shared name can weigh: at the rarest share a name is counted
        double rarest = names == null ? 0 : Math.max(0, log2(weights.u(Comparison.NAME, "EXACT") / NameFrequencies.RAREST)
                + weights.of(Comparison.NAME, "EXACT") - weights.bestOfAll(new Comparison[]{Comparison.NAME}, 0));
        double score = 0;
        String[] levels = new String[ORDER.length];
        for (int i = 0; i < ORDER.length; i++) {
            if (score + weights.bestOfAll(ORDER, i) + (i <= NAME_AT ? rarest : 0) < settings.review()) {
                return Optional.empty();
            }
            Comparison c = ORDER[i];
            levels[c.ordinal()] = c.level(a, b);
            score += weight(weights, c, levels[c.ordinal()], a, names);
        }
        if (score < settings.review()) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        for (Comparison c : Comparison.values()) {
            if (weights.of(c, levels[c.ordinal()]) != 0) {
                reasons.add(c + "." + levels[c.ordinal()]);
            }
        }
        return Optional.of(new Scored(Math.round(score * 100) / 100.0,
                score >= settings.auto() ? Match.AUTO : Match.REVIEW, reasons));
    }

    private static final int NAME_AT = java.util.Arrays.asList(ORDER).indexOf(Comparison.NAME);

    /** A level's weight; an exact name's with u its share of the register when that is known. */
    private static double weight(Weights weights, Comparison c, String level, LinkRecord a, NameFrequencies names) {
        double w = weights.of(c, level);
        if (names == null || c != Comparison.NAME || !"EXACT".equals(level)) {
            return w;
        }
        return w + log2(weights.u(c, level) / names.share(a.name()));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
