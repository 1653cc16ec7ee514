package org.renkou.supplies;

/** A free contraceptive distribution point (免费药具发放点): where, what kind, who keeps it, when it opens. */
public record SupplyPoint(long id, String name, String kind, String villageCode, String keeper, String opening,
                          boolean active) {
}
