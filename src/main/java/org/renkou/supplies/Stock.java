package org.renkou.supplies;

/** The balance of one item at one point, and whether it is below the item's low-stock level. */
public record Stock(long pointId, String pointName, long itemId, String item, String unit, int balance, int lowStock) {

    public boolean low() {
        return balance < lowStock;
    }
}
