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
        String from = " from person where " + personFilter;
        String ended = "coalesce(case status when 'DECEASED' then died_on else left_on end, current_date)";
        jdbc.sql("insert into person_status_period (person_id, status, valid_from, valid_to)"
                + " select id, 'REGISTERED', coalesce(arrived_on, birth_date),"
                + " case when status = 'REGISTERED' then null else " + ended + " end" + from
                + " and (status = 'REGISTERED' or status in ('OUTFLOW', 'MOVED_AWAY', 'DECEASED')"
                + " and " + ended + " > coalesce(arrived_on, birth_date))").params(params).update();
        jdbc.sql("insert into person_status_period (person_id, status, valid_from)"
                + " select id, status, " + ended + from + " and status in ('OUTFLOW', 'MOVED_AWAY', 'DECEASED')").params(params).update();
        jdbc.sql("insert into person_status_period (person_id, status, valid_from)"
                + " select id, status, coalesce(arrived_on, current_date)" + from + " and status = 'INFLOW'")
                .params(params).update();
        jdbc.sql("update person set status_since = s.valid_from from person_status_period s"
                + " where s.person_id = person.id and s.valid_to is null and person.id in (select id" + from + ")")
                .params(params).update();
    }
}
