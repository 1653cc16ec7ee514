package org.renkou.people;

/** A household as one line of a list or export: its number, place, address, head and size. */
public record HouseholdLine(String householdNo, String villageCode, String gridCode, String address, String headName,
                            int members) {
}
