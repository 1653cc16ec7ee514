/** 人口个案: persons, households, status history; the only owner of the register tables. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "area", "common", "stats"})
package org.renkou.people;
