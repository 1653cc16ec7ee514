package org.renkou.stats;

/** A person behind a figure, as a drill-down lists them: the ID number is already masked. */
public record PersonRef(long id, String name, String maskedIdNumber, String villageCode) {
}
