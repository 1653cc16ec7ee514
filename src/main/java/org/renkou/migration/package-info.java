/** 流动人口: arrivals, departures, verification requests and feedback between towns. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "area", "common", "exchange", "people", "stats"})
package org.renkou.migration;
