/** 药具发放: distribution points and their stock. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "area", "common", "stats"})
package org.renkou.supplies;
