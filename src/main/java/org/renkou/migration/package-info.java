/** 流动人口: arrivals, departures, verification requests and feedback between towns. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "area", "common", "exchange", "people::register", "people::references", "stats"})
package org.renkou.migration;
