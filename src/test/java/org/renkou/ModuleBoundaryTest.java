package org.renkou;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Features reach each other only through their public API and only the features their package-info.java
 * allows (no cycles, no use of another feature's internals); the module documentation in docs/modules is
 * written from the same model, so it cannot drift from the code.
 */
class ModuleBoundaryTest {
    private static final ApplicationModules MODULES = ApplicationModules.of(RenkouApplication.class);

    @Test
    void featuresKeepTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theModuleDocumentationIsWritten() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
