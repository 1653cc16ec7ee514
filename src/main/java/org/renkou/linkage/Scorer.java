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
        Weights weights = this.weights;
        double score = 0;
        String[] levels = new String[ORDER.length];
        for (int i = 0; i < ORDER.length; i++) {
            if (score + weights.bestOfAll(ORDER, i) < settings.review()) {
                return Optional.empty();
            }
            Comparison c = ORDER[i];
            levels[c.ordinal()] = c.level(a, b);
            score += weights.of(c, levels[c.ordinal()]);
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
}
