/** 统计报表: indicators, dashboards, standard tables, the work report. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "area", "common"})
package org.renkou.stats;
