/** The shared kernel and system wiring: ID numbers, periods, problem details, the embedded database, web configuration. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.renkou.common;
