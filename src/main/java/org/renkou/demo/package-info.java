/** The demo town: depends on every feature, and nothing depends on it. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "area", "assessment", "cadres", "common", "health", "migration", "outreach", "people", "portal", "referrals", "supplies", "support", "verification"})
package org.renkou.demo;
