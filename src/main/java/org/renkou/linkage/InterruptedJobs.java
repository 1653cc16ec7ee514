package org.renkou.linkage;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, bulk merges and estimations still marked running were cut off by the last stop (a job lives only in
 * its worker thread): they are marked failed, with the reason. A bulk merge's pairs merged before the stop stay
 * merged (each was its own transaction, its outcome written with it); those not reached stay open.
 */
@Component
class InterruptedJobs implements ApplicationRunner {
    /** The message's key: shown in the reader's language, not the server's. */
    static final String INTERRUPTED = "linkage.job.interrupted";

    private final JobsRepository jobs;

    InterruptedJobs(JobsRepository jobs) {
        this.jobs = jobs;
    }

    @Override
    public void run(ApplicationArguments args) {
        jobs.failRunning(INTERRUPTED);
    }
}
