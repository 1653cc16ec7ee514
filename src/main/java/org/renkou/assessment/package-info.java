/**
 * 目标管理责任制考核: the yearly target agreements with the units and their assessment. Actual values come
 * from {@code stats} only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "area", "common", "stats"})
package org.renkou.assessment;
