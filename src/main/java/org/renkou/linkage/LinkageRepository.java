package org.renkou.linkage;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.renkou.common.AreaScope;
import org.renkou.common.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Runs and pairs; persons are read only through the functions people publishes ({@code people_for_linkage*}). */
@Repository
class LinkageRepository {
    /** A run over an area, as the API shows it. */
    record Run(long id, String areaCode, String status, int persons, long comparisons, int pairs, String message) {
    }

    /** A pair of records of (probably) one person. */
    record Pair(long id, long leftId, long rightId, double score, String match, List<String> reasons, String status,
                String source, Long runId, Long importJobId, Long survivorId, Long mergeId) {
    }

    private static final String PERSON_COLUMNS = "person_id, name, id_number, sex, birth_date, household_no, hukou_code, village_code, phone";

    private final JdbcClient jdbc;

    LinkageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every person of the area ('' for the whole register), streamed. */
    void forEachPerson(String areaPrefix, Consumer<LinkRecord> sink) {
        jdbc.sql("select " + PERSON_COLUMNS + " from people_for_linkage(?)").param(areaPrefix)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> sink.accept(record(rs)));
    }

    /** The persons a new entry may duplicate (see {@code people_for_linkage_near}). */
    List<LinkRecord> near(LocalDate born, LocalDate swapped, String idFirst17, String householdNo) {
        return jdbc.sql("select " + PERSON_COLUMNS + " from people_for_linkage_near(?, ?, ?, ?)")
                .params(Date.valueOf(born), swapped == null ? null : Date.valueOf(swapped), idFirst17, householdNo)
                .query((rs, i) -> record(rs)).list();
    }

    /** The given persons (see {@code people_for_linkage_ids}). */
    List<LinkRecord> persons(List<Long> ids) {
        return jdbc.sql("select " + PERSON_COLUMNS + " from people_for_linkage_ids(?)")
                .param(ids.toArray(Long[]::new)).query((rs, i) -> record(rs)).list();
    }

    long pairsOfImport(long importJobId) {
        return jdbc.sql("select count(*) from linkage_pair where import_job_id = ?").param(importJobId)
                .query(Long.class).single();
    }

    private static LinkRecord record(ResultSet rs) throws SQLException {
        return LinkRecord.of(rs.getLong("person_id"), rs.getString("name"), rs.getString("id_number"),
                rs.getString("sex"), rs.getDate("birth_date").toLocalDate(), rs.getString("household_no"),
                rs.getString("hukou_code"), rs.getString("village_code"), rs.getString("phone"));
    }

    long createRun(String areaCode, String username) {
        return jdbc.sql("insert into linkage_run (area_code, started_by) values (?, ?) returning id")
                .params(areaCode, username).query(Long.class).single();
    }

    void progress(long runId, int persons, long comparisons, int pairs) {
        jdbc.sql("update linkage_run set persons = ?, comparisons = ?, pairs = ? where id = ?")
                .params(persons, comparisons, pairs, runId).update();
    }

    void finishRun(long runId, String status, String message) {
        jdbc.sql("update linkage_run set status = ?, message = ?, finished_at = now() where id = ?")
                .params(status, message, runId).update();
    }

    /** Every run still marked running is failed with this message; answers how many. */
    int failRunning(String message) {
        return jdbc.sql("update linkage_run set status = 'FAILED', message = ?, finished_at = now() where status = 'RUNNING'")
                .param(message).update();
    }

    Optional<Run> run(long id) {
        return jdbc.sql("select * from linkage_run where id = ?").param(id).query(LinkageRepository::run).optional();
    }

    /** The latest runs, newest first. */
    List<Run> recentRuns(int limit) {
        return jdbc.sql("select * from linkage_run order by id desc limit ?").param(limit)
                .query(LinkageRepository::run).list();
    }

    private static Run run(ResultSet rs, int i) throws SQLException {
        return new Run(rs.getLong("id"), rs.getString("area_code"), rs.getString("status"), rs.getInt("persons"),
                rs.getLong("comparisons"), rs.getInt("pairs"), rs.getString("message"));
    }

    /** Queues a pair unless the two are queued or decided already; answers whether it is new. */
    boolean insertPair(long a, long b, Scorer.Scored s, String source, Long runId, Long importJobId, String status,
                       String username) {
        return jdbc.sql("""
                insert into linkage_pair (left_id, right_id, score, match, reasons, status, source, run_id, import_job_id,
                    found_by, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, case when ? = 'OPEN' then null else now() end)
                on conflict (left_id, right_id) do nothing""")
                .params(Math.min(a, b), Math.max(a, b), s.score(), s.match().name(), s.reasons().toArray(String[]::new),
                        status, source, runId, importJobId, username, "OPEN".equals(status) ? null : username, status)
                .update() == 1;
    }

    Optional<Pair> pair(long id) {
        return jdbc.sql("select * from linkage_pair where id = ?").param(id).query(LinkageRepository::pair).optional();
    }

    /** Whether one of the pair's persons is in the scope. */
    boolean inScope(Pair pair, AreaScope scope) {
        List<Object> params = new ArrayList<>(List.of(pair.leftId(), pair.rightId()));
        String inScope = scope.sql("v.code", "v.code", params);
        return jdbc.sql("select exists (select 1 from (values (person_village(?)), (person_village(?))) v(code) where "
                + inScope + ")").params(params).query(Boolean.class).single();
    }

    /** The pairs with at least one person in the area and in the user's scope, best first. */
    PageResult<Pair> pairs(String area, String status, Long runId, Long importJobId, AreaScope scope, int page, int size) {
        return pairs(new Filter(area, status, null, runId, importJobId, null), scope, page, size);
    }

    /** Which pairs a list holds: each part null for any; {@code upTo} the highest pair id. */
    record Filter(String area, String status, String match, Long runId, Long importJobId, Long upTo) {
    }

    PageResult<Pair> pairs(Filter f, AreaScope scope, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(f, scope, params);
        long total = jdbc.sql("select count(*) from linkage_pair p" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Pair> items = jdbc.sql("select * from linkage_pair p" + where + " order by p.score desc, p.id limit ? offset ?")
                .params(pageParams).query(LinkageRepository::pair).list();
        return new PageResult<>(items, total, page, size);
    }

    /** The ids of every pair of the list, in the list's order. */
    List<Long> pairIds(Filter f, AreaScope scope) {
        List<Object> params = new ArrayList<>();
        String where = where(f, scope, params);
        return jdbc.sql("select p.id from linkage_pair p" + where + " order by p.score desc, p.id").params(params)
                .query(Long.class).list();
    }

    /** The highest pair id there is (a preview's bound: pairs queued after it are not in it). */
    long lastPairId() {
        return jdbc.sql("select coalesce(max(id), 0) from linkage_pair").query(Long.class).single();
    }

    private static String where(Filter f, AreaScope scope, List<Object> params) {
        StringBuilder where = new StringBuilder(" where true");
        if (f.status() != null) {
            where.append(" and p.status = ?");
            params.add(f.status());
        }
        if (f.match() != null) {
            where.append(" and p.match = ?");
            params.add(f.match());
        }
        if (f.runId() != null) {
            where.append(" and p.run_id = ?");
            params.add(f.runId());
        }
        if (f.importJobId() != null) {
            where.append(" and p.import_job_id = ?");
            params.add(f.importJobId());
        }
        if (f.upTo() != null) {
            where.append(" and p.id <= ?");
            params.add(f.upTo());
        }
        params.add((f.area() == null ? "" : f.area()) + "%");
        // a grid worker's scope (grid codes) matches no village code: pairs are the town office's and cadres' work
        String inScope = scope.sql("v.code", "v.code", params);
        where.append(" and exists (select 1 from (values (person_village(p.left_id)), (person_village(p.right_id))) v(code)"
                + " where v.code like ? and ").append(inScope).append(")");
        return where.toString();
    }

    void decide(long pairId, String status, Long survivorId, Long mergeId, String username) {
        jdbc.sql("""
                update linkage_pair set status = ?, survivor_id = ?, merge_id = ?, decided_by = ?,
                    decided_at = case when ? = 'OPEN' then null else now() end
                where id = ?""")
                .params(status, survivorId, mergeId, "OPEN".equals(status) ? null : username, status, pairId).update();
    }

    private static Pair pair(ResultSet rs, int i) throws SQLException {
        Array reasons = rs.getArray("reasons");
        return new Pair(rs.getLong("id"), rs.getLong("left_id"), rs.getLong("right_id"), rs.getDouble("score"),
                rs.getString("match"), Arrays.asList((String[]) reasons.getArray()), rs.getString("status"),
                rs.getString("source"), (Long) rs.getObject("run_id"), (Long) rs.getObject("import_job_id"),
                (Long) rs.getObject("survivor_id"),
                (Long) rs.getObject("merge_id"));
    }
}
