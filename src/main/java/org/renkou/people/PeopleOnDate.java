package org.renkou.people;

import java.time.LocalDate;
import java.util.List;
import org.renkou.common.AreaCondition;
import org.renkou.common.AreaScope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Aggregates over the register as it stood on a date, in two statements: the people whose current status had
 * begun by then, read straight from person in one pass (as fast as counting the table), and the few whose
 * status changed since, with their status from the history. The caller adds up the two results.
 */
final class PeopleOnDate {
    private PeopleOnDate() {
    }

    /**
     * Runs {@code select <select> from (people on the date) x where <area> group by <groupBy>} twice; x has the
     * columns person_id, village_code, grid_code, status, sex, birth_date, marital_status, id_number_flagged, created_at.
     */
    static void aggregate(JdbcClient jdbc, String select, String groupBy, String area, LocalDate d, RowCallbackHandler rows) {
        String columns = "p.id as person_id, p.village_code, p.grid_code, %s as status, p.sex, p.birth_date, p.marital_status,"
                + " p.id_number_flagged, p.created_at";
        List<String> inners = List.of(
                "select " + columns.formatted("p.status") + " from person p where not p.entered_by_mistake and p.status_since <= :on",
                "select " + columns.formatted("s.status") + " from person p join person_status_period s on s.person_id = p.id"
                        + " where not p.entered_by_mistake and (p.status_since > :on or p.status_since is null)"
                        + " and s.valid_from <= :on and (s.valid_to is null or s.valid_to > :on)");
        AreaCondition in = AreaScope.of(area).on("x.village_code", "x.grid_code");
        for (String inner : inners) {
            jdbc.sql("select " + select + " from (" + inner + ") x where " + in.sql() + " group by " + groupBy)
                    .param("on", d).params(in.params()).query(rows);
        }
    }
}
