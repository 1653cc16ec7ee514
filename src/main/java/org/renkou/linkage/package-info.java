/**
 * Record linkage (消重): finds the same person entered twice, queues the probable pairs for review, and merges
 * a decided pair through {@code people} (which calls back every feature holding person references).
 * Reads persons through the database function {@code people_for_linkage} that {@code people} publishes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"people::register", "people::duplicates", "people::references", "access", "area", "common"})
package org.renkou.linkage;
