package org.renkou.health;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.common.Messages;
import org.renkou.people.PersonRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's health records in words (contraception, pregnancies, births), for readers allowed health records. */
@Component
class HealthRecordsOfPerson implements PersonRecords {
    private final JdbcClient jdbc;
    private final AccessService access;
    private final Messages messages;

    HealthRecordsOfPerson(JdbcClient jdbc, AccessService access, Messages messages) {
        this.jdbc = jdbc;
        this.access = access;
        this.messages = messages;
    }

    @Override
    public String heading() {
        return "health.records";
    }

    @Override
    public List<Line> of(long personId) {
        if (!access.current().has(Permission.READ_HEALTH)) {
            return List.of();
        }
        List<Line> lines = new ArrayList<>();
        jdbc.sql("select method, no_method_reason, started_on from contraception where person_id = ?").param(personId)
                .query((rs, i) -> new Line(messages.get("health.contraception") + "：" + (rs.getString(1) != null
                        ? messages.get("health.method." + rs.getString(1))
                        : messages.get("health.reason." + rs.getString(2))), rs.getDate(3).toLocalDate()))
                .list().forEach(lines::add);
        jdbc.sql("select outcome, detected_on from pregnancy where person_id = ?").param(personId)
                .query((rs, i) -> new Line(messages.get("health.records.pregnancy") + (rs.getString(1) == null ? ""
                        : "：" + messages.get("health.outcome." + rs.getString(1))), rs.getDate(2).toLocalDate()))
                .list().forEach(lines::add);
        jdbc.sql("select birth_order, birth_date from birth where mother_id = ? or father_id = ?").params(personId, personId)
                .query((rs, i) -> new Line(messages.get("health.records.birth", String.valueOf(rs.getInt(1))),
                        rs.getDate(2).toLocalDate()))
                .list().forEach(lines::add);
        jdbc.sql("select birth_date from birth where child_id = ?").param(personId)
                .query((rs, i) -> new Line(messages.get("health.records.born"), rs.getDate(1).toLocalDate()))
                .list().forEach(lines::add);
        lines.sort(Comparator.comparing(Line::on, Comparator.nullsLast(Comparator.reverseOrder())));
        return lines;
    }
}
