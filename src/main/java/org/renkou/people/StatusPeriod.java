package org.renkou.people;

import java.time.LocalDate;

/** A residence status in force from {@code validFrom} until {@code validTo} (exclusive, null while current). */
public record StatusPeriod(PersonStatus status, LocalDate validFrom, LocalDate validTo) {
}
