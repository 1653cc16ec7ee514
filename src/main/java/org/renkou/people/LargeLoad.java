package org.renkou.people;

import java.sql.SQLException;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A large load (a town's first import, into a register without persons): checking the foreign keys of every new
 * row and adding it to every index one by one costs more than checking and building them once over the whole
 * table. So, inside the loading transaction, the register's foreign keys and the secondary indexes and unique
 * constraints of households, persons, their history and their status periods are dropped, and {@link #restore}
 * builds and checks them again before the transaction ends. The dropped keys lock these tables until then: other
 * users' reads of the register wait. That is why it is kept for an empty register, which has nothing to read yet;
 * an import into a register with persons is written the ordinary way and blocks no reader. A rollback restores
 * everything as it was. It begins only if no one else is using these tables.
 */
final class LargeLoad {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LargeLoad.class);
    /** How long a large load waits for other sessions to let go of the register's tables. */
    private static final String LOCK_WAIT = "2s";
    /** PostgreSQL's SQL state when the lock timeout ran out. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String[] TABLES = {"household", "person", "person_change", "person_status_period"};

    private final JdbcClient jdbc;
    private final List<String> constraints;
    private final List<String> indexes;

    private LargeLoad(JdbcClient jdbc, List<String> constraints, List<String> indexes) {
        this.jdbc = jdbc;
        this.constraints = constraints;
        this.indexes = indexes;
    }

    /**
     * Drops the keys and indexes, remembering the statements that restore them. While it lasts, the household
     * number is not unique by itself: new households must leave out those the register has. Answers null, with
     * nothing dropped, when another session is using these tables (waiting for it would hold up every user queued
     * behind the import) or when, by the time they are locked, someone has added a person: the import is written
     * the ordinary way instead.
     */
    static LargeLoad begin(JdbcClient jdbc) {
        jdbc.sql("savepoint large_load").update();
        jdbc.sql("set local lock_timeout = '" + LOCK_WAIT + "'").update();
        try {
            jdbc.sql("lock table " + String.join(", ", TABLES) + " in access exclusive mode").update();
            if (!registerEmpty(jdbc)) {
                jdbc.sql("rollback to savepoint large_load").update(); // lets go of the locks
                log.info("The register has persons by now: the import is written without dropping its keys and indexes");
                return null;
            }
            LargeLoad load = dropKeysAndIndexes(jdbc);
            jdbc.sql("set local lock_timeout to default").update();
            return load;
        } catch (DataAccessException e) {
            if (!(e.getMostSpecificCause() instanceof SQLException sql) || !LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                throw e;
            }
            jdbc.sql("rollback to savepoint large_load").update(); // also undoes the lock timeout
            log.info("The register is in use: the import is written without dropping its keys and indexes");
            return null;
        }
    }

    /** A register without persons (households may be there), where a large load keeps no reader waiting. */
    static boolean registerEmpty(JdbcClient jdbc) {
        return !jdbc.sql("select exists (select 1 from person)").query(Boolean.class).single();
    }

    private static LargeLoad dropKeysAndIndexes(JdbcClient jdbc) {
        List<String[]> keys = jdbc.sql("""
                select conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid) from pg_constraint
                where contype in ('f', 'u') and conrelid = any(?::regclass[])
                order by contype desc""").param(TABLES)
                .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        List<String[]> indexes = jdbc.sql("""
                select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i
                where i.indrelid = any(?::regclass[])
                  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)""")
                .param(TABLES)
                .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)}).list();
        keys.forEach(k -> jdbc.sql("alter table " + k[0] + " drop constraint " + k[1]).update());
        indexes.forEach(x -> jdbc.sql("drop index " + x[0]).update());
        List<String> addKeys = keys.stream().map(k -> "alter table " + k[0] + " add constraint " + k[1] + " " + k[2])
                .toList();
        return new LargeLoad(jdbc, addKeys, indexes.stream().map(x -> x[1]).toList());
    }

    /** Builds the indexes, adds the constraints again (unique ones first), each checked against every row; statistics. */
    void restore(Runnable between) {
        jdbc.sql("set local maintenance_work_mem = '256MB'").update();
        for (String statement : indexes) {
            between.run();
            jdbc.sql(statement).update();
        }
        for (String statement : constraints) {
            between.run();
            jdbc.sql(statement).update();
        }
        jdbc.sql("analyze household, person").update(); // plans for a register that has just grown many times over
    }
}
