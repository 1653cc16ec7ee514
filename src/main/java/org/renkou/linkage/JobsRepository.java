package org.renkou.linkage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bulk merges of AUTO pairs and the estimations of weights: background jobs, their progress and outcomes. */
@Repository
class JobsRepository {
    /** A bulk merge: {@code total} pairs listed at its start, how many of them went which way so far. */
    record AutoMerge(long id, String areaCode, long upTo, String status, int total, int merged, int skipped,
                     int failed, String message, String startedBy, Instant startedAt) {
        boolean running() {
            return "RUNNING".equals(status);
        }

        int done() {
            return merged + skipped + failed;
        }
    }

    /** A pair of a bulk merge that was not merged: skipped (changed meanwhile) or failed, and why. */
    record NotMerged(long pairId, String outcome, String reasonKey, String reason) {
    }

    /** An estimation of weights: its step, persons read, pairs used, and the version it made. */
    record Estimation(long id, String areaCode, String status, String step, int persons, long pairs, Long version,
                      String message, String startedBy, Instant startedAt) {
        boolean running() {
            return "RUNNING".equals(status);
        }
    }

    private final JdbcClient jdbc;

    JobsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long createAutoMerge(String areaCode, long upTo, Instant asOf, String username) {
        return jdbc.sql("""
                insert into linkage_auto_merge (area_code, up_to, as_of, started_by)
                values (:area, :upTo, :asOf, :user) returning id""")
                .param("area", areaCode).param("upTo", upTo).param("asOf", asOf == null ? null : Timestamp.from(asOf))
                .param("user", username).query(Long.class).single();
    }

    /** Lists the pairs the job will merge, in their order. */
    void listPairs(long jobId, List<Long> pairIds) {
        for (int i = 0; i < pairIds.size(); i++) {
            jdbc.sql("insert into linkage_auto_merge_pair (job_id, position, pair_id) values (:job, :position, :pair)")
                    .param("job", jobId).param("position", i).param("pair", pairIds.get(i)).update();
        }
        jdbc.sql("update linkage_auto_merge set total = :total where id = :job").param("total", pairIds.size())
                .param("job", jobId).update();
    }

    /** One pair's outcome, counted on the job at once (inside the caller's transaction, if any). */
    void outcome(long jobId, int position, String outcome, String reasonKey, String reason) {
        jdbc.sql("""
                update linkage_auto_merge_pair set outcome = :outcome, reason_key = :key, reason = :reason
                where job_id = :job and position = :position""")
                .param("outcome", outcome).param("key", reasonKey).param("reason", reason).param("job", jobId)
                .param("position", position).update();
        String column = switch (outcome) {
            case "MERGED" -> "merged";
            case "SKIPPED" -> "skipped";
            default -> "failed";
        };
        jdbc.sql("update linkage_auto_merge set " + column + " = " + column + " + 1 where id = :job")
                .param("job", jobId).update();
    }

    void finishAutoMerge(long jobId, String status, String message) {
        jdbc.sql("update linkage_auto_merge set status = :status, message = :message, finished_at = now() where id = :job")
                .param("status", status).param("message", message).param("job", jobId).update();
    }

    Optional<AutoMerge> autoMerge(long id) {
        return jdbc.sql("select * from linkage_auto_merge where id = :id").param("id", id)
                .query(JobsRepository::autoMerge).optional();
    }

    List<AutoMerge> recentAutoMerges(int limit) {
        return jdbc.sql("select * from linkage_auto_merge order by id desc limit :limit").param("limit", limit)
                .query(JobsRepository::autoMerge).list();
    }

    /** The pairs of the job not merged, in the job's order. */
    List<NotMerged> notMerged(long jobId) {
        return jdbc.sql("""
                select pair_id, outcome, reason_key, reason from linkage_auto_merge_pair
                where job_id = :job and outcome in ('SKIPPED', 'FAILED') order by position""")
                .param("job", jobId).query((rs, i) -> new NotMerged(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4))).list();
    }

    private static AutoMerge autoMerge(ResultSet rs, int i) throws SQLException {
        return new AutoMerge(rs.getLong("id"), rs.getString("area_code"), rs.getLong("up_to"), rs.getString("status"),
                rs.getInt("total"), rs.getInt("merged"), rs.getInt("skipped"), rs.getInt("failed"),
                rs.getString("message"), rs.getString("started_by"), rs.getTimestamp("started_at").toInstant());
    }

    long createEstimation(String areaCode, String username) {
        return jdbc.sql("insert into linkage_estimation (area_code, started_by) values (:area, :user) returning id")
                .param("area", areaCode).param("user", username).query(Long.class).single();
    }

    void estimationStep(long id, String step, int persons, long pairs) {
        jdbc.sql("update linkage_estimation set step = :step, persons = :persons, pairs = :pairs where id = :id")
                .param("step", step).param("persons", persons).param("pairs", pairs).param("id", id).update();
    }

    void finishEstimation(long id, String status, Long weightsId, String message) {
        jdbc.sql("""
                update linkage_estimation set status = :status, weights_id = :weights, message = :message,
                    finished_at = now() where id = :id""")
                .param("status", status).param("weights", weightsId).param("message", message).param("id", id).update();
    }

    Optional<Estimation> estimation(long id) {
        return jdbc.sql("select * from linkage_estimation where id = :id").param("id", id)
                .query(JobsRepository::estimation).optional();
    }

    List<Estimation> recentEstimations(int limit) {
        return jdbc.sql("select * from linkage_estimation order by id desc limit :limit").param("limit", limit)
                .query(JobsRepository::estimation).list();
    }

    private static Estimation estimation(ResultSet rs, int i) throws SQLException {
        return new Estimation(rs.getLong("id"), rs.getString("area_code"), rs.getString("status"), rs.getString("step"),
                rs.getInt("persons"), rs.getLong("pairs"), (Long) rs.getObject("weights_id"), rs.getString("message"),
                rs.getString("started_by"), rs.getTimestamp("started_at").toInstant());
    }

    /** Jobs still marked running were cut off by the last stop: failed with this message key; answers how many. */
    int failRunning(String message) {
        int merges = jdbc.sql("""
                update linkage_auto_merge set status = 'FAILED', message = :message, finished_at = now()
                where status = 'RUNNING'""").param("message", message).update();
        int estimations = jdbc.sql("""
                update linkage_estimation set status = 'FAILED', message = :message, finished_at = now()
                where status = 'RUNNING'""").param("message", message).update();
        return merges + estimations;
    }
}
