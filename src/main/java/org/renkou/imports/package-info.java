/** 批量导入: import jobs of person files. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "common", "people::register", "people::imports", "people::duplicates"})
package org.renkou.imports;
