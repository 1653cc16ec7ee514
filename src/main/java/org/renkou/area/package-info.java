/** 区域网格: the tree of places and grids. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "common"})
package org.renkou.area;
