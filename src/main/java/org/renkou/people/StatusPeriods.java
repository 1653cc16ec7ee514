package org.renkou.people;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Derives the residence-status periods of persons written in bulk: a person's status began on their arrival,
 * departure or death date; before a departure or death they were registered here. The current status's
 * start is kept on the person too (status_since), so most figures need not read the history.
 */
final class StatusPeriods {
    private StatusPeriods() {
    }

    /** For the persons matching {@code personFilter} (a condition on table {@code person}, with parameters). */
    static void derive(JdbcClient jdbc, String personFilter, Object... params) {
        jdbc.sql("with p as (select * from person where " + personFilter + ") " + insertPeriods("p")).params(params)
                .update();
        jdbc.sql("update person set status_since = " + since("person.") + " where " + personFilter)
                .params(params).update();
    }

    /**
     * The insert of the periods of the persons in {@code persons}, a table, subquery or CTE with the person's
     * id, status, birth_date, arrived_on, left_on and died_on.
     */
    static String insertPeriods(String persons) {
        return "insert into person_status_period (person_id, status, valid_from, valid_to)"
                + " select id, 'REGISTERED', coalesce(arrived_on, birth_date),"
                + " case when status = 'REGISTERED' then null else " + ended("") + " end from " + persons
                + " where status = 'REGISTERED' or status in ('OUTFLOW', 'MOVED_AWAY', 'DECEASED')"
                + " and " + ended("") + " > coalesce(arrived_on, birth_date)"
                + " union all select id, status, " + since("") + ", null from " + persons
                + " where status <> 'REGISTERED'";
    }

    /** When the current status began (the start of the open period), from the columns of {@code prefix}. */
    static String since(String prefix) {
        return "case " + prefix + "status when 'REGISTERED' then coalesce(" + prefix + "arrived_on, " + prefix
                + "birth_date) when 'INFLOW' then coalesce(" + prefix + "arrived_on, current_date) else " + ended(prefix)
                + " end";
    }

    /** When a departure, move or death ended the registered period. */
    private static String ended(String prefix) {
        return "coalesce(case " + prefix + "status when 'DECEASED' then " + prefix + "died_on else " + prefix
                + "left_on end, current_date)";
    }
}
