package org.renkou.support;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment batch: the months it covers, how many lines (beneficiary-months) and the total. */
public record PaymentBatch(long id, long programmeId, LocalDate firstMonth, LocalDate lastMonth, long beneficiaries,
                           long lines, long totalFen, String createdBy) {

    public BigDecimal totalYuan() {
        return Money.yuan(totalFen);
    }
}
