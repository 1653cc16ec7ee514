package org.renkou.support;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An allowance programme as data: who is eligible (a rule of the register), how much a month (in towns
 * {@code urbanAmountFen} when it differs: a community counts as urban), from when.
 */
public record Programme(long id, String code, String name, String rule, long amountFen, Long urbanAmountFen,
                        LocalDate validFrom, LocalDate validTo, String note) {

    public BigDecimal monthlyYuan() {
        return Money.yuan(amountFen);
    }
}
