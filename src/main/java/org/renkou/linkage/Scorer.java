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

    /** The pair as a probable duplicate, or empty when the records are two people. */
    Optional<Scored> match(LinkRecord a, LinkRecord b) {
        Weights weights = this.weights;
        double score = 0;
        List<String> reasons = new ArrayList<>();
        for (Comparison c : Comparison.values()) {
            String level = c.level(a, b);
            double w = weights.of(c, level);
            score += w;
            if (w != 0) {
                reasons.add(c + "." + level);
            }
        }
        if (score < settings.review()) {
            return Optional.empty();
        }
        return Optional.of(new Scored(Math.round(score * 100) / 100.0,
                score >= settings.auto() ? Match.AUTO : Match.REVIEW, reasons));
    }
}
