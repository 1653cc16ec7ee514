/** 宣传培训: publicity activities and trainings. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "area", "common", "stats"})
package org.renkou.outreach;
