/**
 * 计生干部队伍: who serves where (town office staff, a 专干 for every village-level unit, women's group leaders,
 * floating-population assistants, volunteers), their contact and accounts, vacant posts, and the training hours
 * they attended (from outreach's training records).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "area", "common", "outreach", "people::register", "people::references", "stats"})
package org.renkou.cadres;
