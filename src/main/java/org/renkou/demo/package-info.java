/** The demo town: depends on every feature, and nothing depends on it. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "area", "assessment", "common", "health", "migration", "outreach", "people", "portal", "supplies", "support", "verification"})
package org.renkou.demo;
