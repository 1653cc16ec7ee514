package org.renkou.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A visit to a household (慰问) by the town or a village association, with cash (in fen) and goods. */
public record Visit(long id, long householdId, Long familyId, String villageCode, LocalDate visitedOn, String giver,
                    String giverName, long cashFen, String note, List<Goods> goods) {

    public BigDecimal cashYuan() {
        return Money.yuan(cashFen);
    }

    /** A line of goods: item, quantity, unit (bottles of oil, bags of rice, jin of meat ...). */
    public record Goods(String item, BigDecimal quantity, String unit) {
    }
}
