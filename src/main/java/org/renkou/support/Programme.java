package org.renkou.support;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An allowance programme as data: who is eligible (a rule of the register), how much a month, from when. */
public record Programme(long id, String code, String name, String rule, long amountFen, LocalDate validFrom,
                        LocalDate validTo, String note) {

    public BigDecimal monthlyYuan() {
        return Money.yuan(amountFen);
    }
}
