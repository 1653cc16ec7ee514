package org.renkou.support;

import java.math.BigDecimal;
import java.util.List;

/** Visits of a period and area by giver: households visited, cash, and goods per item and unit. */
public record SupportTotals(String giver, long visits, long households, long cashFen, List<Visit.Goods> goods) {

    public BigDecimal cashYuan() {
        return Money.yuan(cashFen);
    }
}
