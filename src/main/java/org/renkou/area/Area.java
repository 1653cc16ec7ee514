package org.renkou.area;

import java.math.BigDecimal;

/** A place in the tree: county → town (镇) → village-level unit (村/社区) → grid (网格). */
public record Area(String code, String name, Level level, String parentCode, Kind kind, BigDecimal areaKm2) {
    public enum Level {
        COUNTY(6), TOWN(9), VILLAGE(12), GRID(15);

        private final int codeLength;

        Level(int codeLength) {
            this.codeLength = codeLength;
        }

        public int codeLength() {
            return codeLength;
        }

        public Level child() {
            return this == GRID ? null : values()[ordinal() + 1];
        }
    }

    /** Only village-level units have a kind: a village (村) or a community (社区, 居委会). */
    public enum Kind { VILLAGE, COMMUNITY }
}
