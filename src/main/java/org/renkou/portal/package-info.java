/** 便民服务: the public portal and the staff's request queue. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "common", "health", "people::residents", "people::references", "stats", "supplies"})
package org.renkou.portal;
