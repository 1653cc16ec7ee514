/** 用户、权限、区域范围与审计 (users, permissions, area scope, audit). */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common"})
package org.renkou.access;
