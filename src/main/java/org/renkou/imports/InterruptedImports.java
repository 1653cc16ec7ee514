package org.renkou.imports;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** At start-up, jobs still marked running were cut off by the last stop: they are marked failed. */
@Component
class InterruptedImports implements ApplicationRunner {
    private final ImportService imports;

    InterruptedImports(ImportService imports) {
        this.imports = imports;
    }

    @Override
    public void run(ApplicationArguments args) {
        imports.failInterrupted();
    }
}
