package org.renkou.migration;

import java.time.LocalDate;

/**
 * A move of a person of the register: a departure to work elsewhere (流出, with destination, reason and how to
 * reach them), a return home, or an inflow person leaving the town (destination optional).
 */
public record Departure(LocalDate on, String placeCode, String reason, String contact) {
}
