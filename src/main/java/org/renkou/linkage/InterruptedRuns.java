package org.renkou.linkage;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, runs still marked running were cut off by the last stop (a run lives only in its worker thread):
 * they are marked failed, with the reason, so the page does not show them running forever. The pairs such a run
 * queued before the stop stay queued; a new run over the area finds the rest.
 */
@Component
class InterruptedRuns implements ApplicationRunner {
    /** The message's key: shown in the reader's language, not the server's. */
    static final String INTERRUPTED = "linkage.run.interrupted";

    private final LinkageRepository repository;

    InterruptedRuns(LinkageRepository repository) {
        this.repository = repository;
    }

    @Override
    public void run(ApplicationArguments args) {
        repository.failRunning(INTERRUPTED);
    }
}
