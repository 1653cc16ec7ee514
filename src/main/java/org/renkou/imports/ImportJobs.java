package org.renkou.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.renkou.common.PgCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The import_job and import_error tables. */
@Repository
class ImportJobs {
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ImportJobs(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    long create(String fileName, String username, boolean dryRun) {
        return jdbc.sql("""
                insert into import_job (file_name, username, dry_run, status, phase) values (?, ?, ?, 'RUNNING', 'WAITING')
                returning id""")
                .params(fileName, username, dryRun).query(Long.class).single();
    }

    Optional<ImportJob> find(long id) {
        return jdbc.sql("select * from import_job where id = ?").param(id).query(ImportJobs::map).optional();
    }

    List<ImportJob> recent(String username, int limit) {
        return jdbc.sql("select * from import_job where cast(? as text) is null or username = ? order by id desc limit ?")
                .params(username, username, limit).query(ImportJobs::map).list();
    }

    void progress(long id, int total, int processed, int rejected) {
        jdbc.sql("update import_job set total = ?, processed = ?, rejected = ? where id = ?")
                .params(total, processed, rejected, id).update();
    }

    /** The running job's next phase; a job being cancelled stays so. */
    void phase(long id, String phase) {
        jdbc.sql("update import_job set phase = ? where id = ? and status = 'RUNNING'"
                + " and phase is distinct from 'CANCELLING'")
                .params(phase, id).update();
    }

    void cancelling(long id) {
        jdbc.sql("update import_job set phase = 'CANCELLING' where id = ? and status = 'RUNNING'").param(id).update();
    }

    void finish(long id, String status, int total, int processed, int added, int changed, int unchanged, int rejected,
                String message) {
        jdbc.sql("""
                update import_job set status = ?, total = ?, processed = ?, added = ?, changed = ?, unchanged = ?,
                       rejected = ?, message = ?, phase = null, finished_at = now() where id = ?""")
                .params(status, total, processed, added, changed, unchanged, rejected, message, id).update();
    }

    /** Jobs that were running when the application stopped: their work was rolled back. */
    List<Long> interrupted() {
        return jdbc.sql("select id from import_job where status = 'RUNNING'").query(Long.class).list();
    }

    void addErrors(long jobId, List<ImportError> errors) {
        PgCopy copy = new PgCopy();
        errors.forEach(e -> copy.row(jobId, e.rowNo(), e.column(), e.value(), e.reason()));
        copy.into(dataSource, "import_error (job_id, row_no, column_name, value, reason)");
    }

    List<ImportError> errors(long jobId) {
        return jdbc.sql("select * from import_error where job_id = ? order by row_no, column_name").param(jobId)
                .query((rs, i) -> new ImportError(rs.getInt("row_no"), rs.getString("column_name"),
                        rs.getString("value"), rs.getString("reason"))).list();
    }

    int rejectedRows(long jobId) {
        return jdbc.sql("select count(distinct row_no) from import_error where job_id = ? and row_no > 0").param(jobId)
                .query(Integer.class).single();
    }

    private static ImportJob map(ResultSet rs, int i) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportJob(rs.getLong("id"), rs.getString("file_name"), rs.getString("username"),
                rs.getBoolean("dry_run"), rs.getString("status"), rs.getString("phase"), rs.getInt("total"), rs.getInt("processed"),
                rs.getInt("added"), rs.getInt("changed"), rs.getInt("unchanged"), rs.getInt("rejected"),
                rs.getString("message"), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
