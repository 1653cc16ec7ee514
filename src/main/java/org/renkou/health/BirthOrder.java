package org.renkou.health;

import java.time.LocalDate;
import java.util.List;

/**
 * 孩次 by Hunan's rule: a birth's order is one more than the mother's earlier children, not counting children
 * of a former marriage, adopted children, or children who had died before this birth.
 * Twins and other children born on the same day share one order (多胞胎按一次生育计).
 */
final class BirthOrder {
    private BirthOrder() {
    }

    /** An earlier child of the mother as the rule sees it. */
    record EarlierChild(LocalDate birthDate, boolean formerMarriage, boolean adopted, LocalDate diedOn) {
    }

    static int of(LocalDate birthDate, List<EarlierChild> children) {
        int counted = 0;
        for (EarlierChild c : children) {
            boolean earlier = c.birthDate().isBefore(birthDate);
            boolean alive = c.diedOn() == null || c.diedOn().isAfter(birthDate);
            if (earlier && alive && !c.formerMarriage() && !c.adopted()) {
                counted++;
            }
        }
        return counted + 1;
    }
}
