package org.renkou.imports;

import java.time.Instant;
import java.time.LocalDateTime;
import org.renkou.common.Dates;

/** An import of a file: who, when, what, how far (its phase while it runs), and its counts. */
public record ImportJob(long id, String fileName, String username, boolean dryRun, String status, String phase, int total,
                        int processed, int added, int changed, int unchanged, int rejected, String message,
                        Instant createdAt, Instant finishedAt) {

    public int accepted() {
        return added + changed + unchanged;
    }

    public boolean running() {
        return "RUNNING".equals(status);
    }

    public LocalDateTime localCreatedAt() {
        return LocalDateTime.ofInstant(createdAt, Dates.ZONE);
    }

    /** Rows per second so far. */
    public long rate() {
        long ms = ((finishedAt != null ? finishedAt : Instant.now()).toEpochMilli() - createdAt.toEpochMilli());
        return ms <= 0 ? 0 : processed * 1000L / ms;
    }

    /** Seconds left to read the file at the current rate, or -1 when unknown or the file has been read. */
    public long secondsLeft() {
        long rate = rate();
        return !"READING".equals(phase) || rate == 0 || total == 0 ? -1 : Math.max(0, (total - processed) / rate);
    }

    public int percent() {
        if (!running()) {
            return 100;
        }
        return total == 0 ? 0 : Math.min(99, processed * 100 / total);
    }
}
