package org.renkou.support;

import java.math.BigDecimal;

/** Yuan as people write them ("28800", "12.50") to whole fen and back; never floating point. */
final class Money {
    private Money() {
    }

    /** Fen of a yuan amount with at most two decimals, or null when it is not one. */
    static Long fen(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return 0L;
        }
        try {
            BigDecimal v = new BigDecimal(yuan.trim().replace(",", "").replace("¥", ""));
            if (v.signum() < 0 || v.scale() > 2) {
                return null;
            }
            return v.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}
