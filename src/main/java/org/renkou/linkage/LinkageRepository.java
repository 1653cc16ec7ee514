package org.renkou.linkage;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.renkou.common.AreaCondition;
import org.renkou.common.AreaScope;
import org.renkou.common.PageResult;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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

    /** Rows fetched at a time when the register is streamed (PostgreSQL streams only inside a transaction). */
    private static final int STREAM_FETCH = 5_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    LinkageRepository(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(STREAM_FETCH);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Every person of the area ('' for the whole register), streamed in fetches (without, the driver holds a
     * million rows in memory before the first is read).
     */
    void forEachPerson(String areaPrefix, Consumer<LinkRecord> sink) {
        // a million rows name a few dozen villages and hukou codes, some 30,000 birth dates and a household number
        // for every two or three persons: each kept once, so the records held are fewer objects for the collector
        Map<Object, Object> shared = new HashMap<>();
        readOnly.executeWithoutResult(tx -> streaming.query("select " + PERSON_COLUMNS + " from people_for_linkage(?)",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> sink.accept(record(rs, shared)), areaPrefix));
    }

    /** The persons a new entry may duplicate (see {@code people_for_linkage_near}). */
    List<LinkRecord> near(LocalDate born, LocalDate swapped, String idFirst17, String householdNo) {
        return jdbc.sql("select " + PERSON_COLUMNS + " from people_for_linkage_near(?, ?, ?, ?)")
                .params(Date.valueOf(born), swapped == null ? null : Date.valueOf(swapped), idFirst17, householdNo)
                .query((rs, i) -> record(rs, null)).list();
    }

    /** The given persons (see {@code people_for_linkage_ids}). */
    List<LinkRecord> persons(List<Long> ids) {
        return jdbc.sql("select " + PERSON_COLUMNS + " from people_for_linkage_ids(?)")
                .param(ids.toArray(Long[]::new)).query((rs, i) -> record(rs, null)).list();
    }

    long pairsOfImport(long importJobId) {
        return jdbc.sql("select count(*) from linkage_pair where import_job_id = ?").param(importJobId)
                .query(Long.class).single();
    }

    /** A row of PERSON_COLUMNS, read by position; dates, household numbers and codes taken from {@code shared} if given. */
    private static LinkRecord record(ResultSet rs, Map<Object, Object> shared) throws SQLException {
        return LinkRecord.of(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                shared(rs.getObject(5, LocalDate.class), shared), shared(rs.getString(6), shared),
                shared(rs.getString(7), shared), shared(rs.getString(8), shared), rs.getString(9));
    }

    @SuppressWarnings("unchecked")
    private static <T> T shared(T value, Map<Object, Object> shared) {
        return value == null || shared == null ? value : (T) shared.computeIfAbsent(value, k -> k);
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

    /** A pair a run found, waiting to be queued with others. */
    record Found(long a, long b, Scorer.Scored scored) {
    }

    /**
     * Queues a run's pairs in one statement (one by one, a run of a million persons spends longer on round trips
     * than on comparing), skipping the pairs queued or decided already; answers how many are new.
     */
    int insertRunPairs(List<Found> found, long runId, String username) {
        if (found.isEmpty()) {
            return 0;
        }
        int n = found.size();
        Long[] left = new Long[n];
        Long[] right = new Long[n];
        Double[] score = new Double[n];
        String[] match = new String[n];
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
            Found f = found.get(i);
            left[i] = Math.min(f.a(), f.b());
            right[i] = Math.max(f.a(), f.b());
            score[i] = f.scored().score();
            match[i] = f.scored().match().name();
            // reason codes are COMPARISON.LEVEL: no commas
            reasons[i] = String.join(",", f.scored().reasons());
        }
        return jdbc.sql("""
                insert into linkage_pair (left_id, right_id, score, match, reasons, status, source, run_id, found_by)
                select l, r, s, m, string_to_array(x, ','), 'OPEN', 'RUN', ?, ?
                from unnest(?::bigint[], ?::bigint[], ?::float8[], ?::text[], ?::text[]) as f(l, r, s, m, x)
                on conflict (left_id, right_id) do nothing""")
                .params(runId, username, left, right, score, match, reasons).update();
    }

    Optional<Pair> pair(long id) {
        return jdbc.sql("select * from linkage_pair where id = ?").param(id).query(LinkageRepository::pair).optional();
    }

    /** Whether one of the pair's persons is in the scope. */
    boolean inScope(Pair pair, AreaScope scope) {
        AreaCondition in = scope.on("v.code", "v.code");
        return jdbc.sql("select exists (select 1 from (values (person_village(:left)), (person_village(:right))) v(code)"
                        + " where " + in.sql() + ")")
                .param("left", pair.leftId()).param("right", pair.rightId()).params(in.params()).query(Boolean.class).single();
    }

    /** The pairs with at least one person in the area and in the user's scope, best first. */
    PageResult<Pair> pairs(String area, String status, Long runId, Long importJobId, AreaScope scope, int page, int size) {
        return pairs(new Filter(area, status, null, runId, importJobId, null), scope, page, size);
    }

    /** Which pairs a list holds: each part null for any; {@code upTo} the highest pair id. */
    record Filter(String area, String status, String match, Long runId, Long importJobId, Long upTo) {
    }

    PageResult<Pair> pairs(Filter f, AreaScope scope, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(f, scope, params);
        long total = jdbc.sql("select count(*) from linkage_pair p" + where).params(params).query(Long.class).single();
        List<Pair> items = jdbc.sql("select * from linkage_pair p" + where + " order by p.score desc, p.id limit :size offset :offset")
                .params(params).param("size", size).param("offset", (long) page * size).query(LinkageRepository::pair).list();
        return new PageResult<>(items, total, page, size);
    }

    /** The ids of every pair of the list, in the list's order. */
    List<Long> pairIds(Filter f, AreaScope scope) {
        Map<String, Object> params = new HashMap<>();
        String where = where(f, scope, params);
        return jdbc.sql("select p.id from linkage_pair p" + where + " order by p.score desc, p.id").params(params)
                .query(Long.class).list();
    }

    /** The highest pair id there is (a preview's bound: pairs queued after it are not in it). */
    long lastPairId() {
        return jdbc.sql("select coalesce(max(id), 0) from linkage_pair").query(Long.class).single();
    }

    private static String where(Filter f, AreaScope scope, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where true");
        if (f.status() != null) {
            where.append(" and p.status = :status");
            params.put("status", f.status());
        }
        if (f.match() != null) {
            where.append(" and p.match = :match");
            params.put("match", f.match());
        }
        if (f.runId() != null) {
            where.append(" and p.run_id = :run");
            params.put("run", f.runId());
        }
        if (f.importJobId() != null) {
            where.append(" and p.import_job_id = :importJob");
            params.put("importJob", f.importJobId());
        }
        if (f.upTo() != null) {
            where.append(" and p.id <= :upTo");
            params.put("upTo", f.upTo());
        }
        params.put("area", (f.area() == null ? "" : f.area()) + "%");
        // a grid worker's scope (grid codes) matches no village code: pairs are the town office's and cadres' work
        AreaCondition in = scope.on("v.code", "v.code");
        params.putAll(in.params());
        where.append(" and exists (select 1 from (values (person_village(p.left_id)), (person_village(p.right_id))) v(code)"
                + " where v.code like :area and ").append(in.sql()).append(")");
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
