/** The demo town: depends on every feature, and nothing depends on it. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "area", "assessment", "common", "health", "migration", "outreach", "people::register", "people::loading", "portal", "supplies", "support", "verification"})
package org.renkou.demo;
