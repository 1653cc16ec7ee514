package org.renkou.supplies;

import java.time.LocalDate;

/** One movement of stock: received (positive) or issued (negative), with the balance after it. */
public record LedgerEntry(long id, long pointId, long itemId, String item, LocalDate movedOn, int quantity,
                          int balanceAfter, String note, String recordedBy) {
}
