package org.renkou.linkage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a pair's score (the sum of log2(m/u), see {@code linkage/weights.tsv}) makes it a match that needs no
 * second look ({@code auto}) or one a person must decide ({@code review}); below {@code review} it is two people.
 */
@ConfigurationProperties("renkou.linkage")
public record LinkageSettings(Double auto, Double review) {
    public LinkageSettings {
        auto = auto == null ? 35.0 : auto;
        review = review == null ? 20.0 : review;
        if (review > auto) {
            throw new IllegalArgumentException("renkou.linkage.review must not exceed renkou.linkage.auto");
        }
    }

    static LinkageSettings defaults() {
        return new LinkageSettings(null, null);
    }
}
