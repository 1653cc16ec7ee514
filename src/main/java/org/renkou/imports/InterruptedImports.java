package org.renkou.imports;

import org.renkou.access.AccessService;
import org.renkou.access.SystemPrincipal;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** At start-up, jobs still marked running were cut off by the last stop: they are marked failed. */
@Component
class InterruptedImports implements ApplicationRunner {
    private final ImportService imports;
    private final AccessService access;

    InterruptedImports(ImportService imports, AccessService access) {
        this.imports = imports;
        this.access = access;
    }

    @Override
    public void run(ApplicationArguments args) {
        access.runAs(SystemPrincipal.IMPORTS, imports::failInterrupted);
    }
}
