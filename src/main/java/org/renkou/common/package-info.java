/**
 * The shared kernel (共用内核): ID numbers and their masks, periods and dates, area conditions, paged results,
 * messages and the problems every feature raises. Small and free of wiring; the wiring is {@code system}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.renkou.common;
