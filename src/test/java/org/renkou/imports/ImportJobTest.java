package org.renkou.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The progress figures of a job: time left only while the file is being read. */
class ImportJobTest {
    private static ImportJob job(String status, String phase, int total, int processed) {
        return new ImportJob(1, "f.csv", "admin", false, status, phase, total, processed, 0, 0, 0, 0, null,
                Instant.now().minusSeconds(10), null);
    }

    @Test
    void timeLeftFollowsTheReadingRate() {
        assertThat(job("RUNNING", "READING", 1000, 100).secondsLeft()).isBetween(89L, 90L);
        assertThat(job("RUNNING", "READING", 1000, 100).percent()).isEqualTo(10);
    }

    @Test
    void noTimeLeftIsShownOnceTheFileIsReadOrTheJobIsOver() {
        assertThat(job("RUNNING", "WRITING", 1000, 1000).secondsLeft()).isEqualTo(-1);
        assertThat(job("RUNNING", "CHECKING", 1000, 1000).percent()).isEqualTo(99);
        assertThat(job("DONE", null, 1000, 1000).secondsLeft()).isEqualTo(-1);
        assertThat(job("DONE", null, 1000, 1000).percent()).isEqualTo(100);
    }
}
