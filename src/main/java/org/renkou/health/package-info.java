/** 生殖健康: contraception, check campaigns, pregnancies, births, birth-policy rules. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "area", "common", "people::register", "people::references", "stats"})
package org.renkou.health;
