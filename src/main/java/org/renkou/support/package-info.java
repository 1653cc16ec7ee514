/** 家庭扶助: families in difficulty, visits, allowances and payments. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "area", "common", "people", "stats"})
package org.renkou.support;
