package org.renkou.health;

import java.time.LocalDate;
import java.util.List;
import org.renkou.common.Dates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A resident's own reproductive-health summary for the public portal: the measure in force and the checks
 * she is due for. Only ever asked for the person the portal has identified.
 */
@Service
public class ResidentHealth {
    /** A check campaign she is on the roster of and has not yet been checked in. */
    public record CheckDue(String campaign, LocalDate startsOn, LocalDate endsOn) {
    }

    /** {@code currentMeasure} is the message key of the measure in force (health.method.* or health.reason.*). */
    public record Summary(String currentMeasure, List<CheckDue> checksDue) {
    }

    private final JdbcClient jdbc;

    ResidentHealth(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Summary of(long personId) {
        String measure = jdbc.sql("select case when method is not null then 'health.method.' || method"
                        + " else 'health.reason.' || no_method_reason end from contraception where person_id = ?"
                        + " and ended_on is null order by started_on desc limit 1").param(personId).query(String.class)
                .optional().orElse(null);
        return new Summary(measure, checksDue(personId));
    }

    /** Unchecked roster lines of campaigns that have not ended yet. */
    public List<CheckDue> checksDue(long personId) {
        return jdbc.sql("""
                select c.name, c.starts_on, c.ends_on from check_roster r join check_campaign c on c.id = r.campaign_id
                where r.person_id = ? and r.checked_on is null and c.ends_on >= ? order by c.starts_on""")
                .params(personId, Dates.today())
                .query((rs, i) -> new CheckDue(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)))
                .list();
    }

    /** Whoever is due a check of a running campaign: person id and the campaign (for reminders). */
    public List<long[]> dueToday() {
        return jdbc.sql("""
                select r.person_id, c.id from check_roster r join check_campaign c on c.id = r.campaign_id
                where r.checked_on is null and ? between c.starts_on and c.ends_on""").param(Dates.today())
                .query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
    }
}
