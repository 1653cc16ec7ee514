/** 家庭扶助: families in difficulty, visits, allowances and payments. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "area", "common", "people::register", "people::references", "stats"})
package org.renkou.support;
