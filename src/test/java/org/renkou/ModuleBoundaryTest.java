package org.renkou;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Features reach each other only through their public API (no cycles, no use of another feature's
 * internals). Fails when a feature reaches into another's package-private classes or creates a cycle.
 */
class ModuleBoundaryTest {
    @Test
    void featuresKeepTheirBoundaries() {
        ApplicationModules.of(RenkouApplication.class).verify();
    }
}
