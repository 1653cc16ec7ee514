/**
 * The system wiring (系统装配): the embedded database, web configuration, request limits, problem details for
 * pages and the API, the clock and the scheduler. Nothing calls into it; it holds the application together.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common"})
package org.renkou.system;
