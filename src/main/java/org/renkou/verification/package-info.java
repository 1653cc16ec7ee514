/**
 * 全员人口清查核对: door-to-door verification rounds. The town office plans a round, grid workers and cadres visit
 * every household of its worklist (from a phone that works offline, sending each visit once), the register is
 * corrected through {@code people} with the round as the source (a move out of the town through {@code migration},
 * which tells the other place), and coverage and accuracy come from the visits.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "area", "common", "migration", "people::register", "people::references", "stats"})
package org.renkou.verification;
