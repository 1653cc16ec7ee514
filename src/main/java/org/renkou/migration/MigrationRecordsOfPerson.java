package org.renkou.migration;

import java.util.ArrayList;
import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.common.Messages;
import org.renkou.people.PersonRecords;
import org.renkou.people.PersonService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's moves (arrivals, departures, with the place) and verification requests, for floating-population readers. */
@Component
class MigrationRecordsOfPerson implements PersonRecords {
    private final JdbcClient jdbc;
    private final PersonService persons;
    private final AccessService access;
    private final Messages messages;

    MigrationRecordsOfPerson(JdbcClient jdbc, PersonService persons, AccessService access, Messages messages) {
        this.persons = persons;
        this.jdbc = jdbc;
        this.access = access;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String title() {
        return messages.get("migration.title");
    }

    @Override
    public boolean readable() {
        return access.has(Permission.READ_FLOATING);
    }

    @Override
    public List<Row> rows(long personId) {
        persons.get(personId); // answers not found unless the reader may see the person
        List<Row> rows = new ArrayList<>(jdbc.sql("select kind, moved_on, place_code, undone_at from migration_move where person_id = ?")
                .param(personId)
                .query((rs, i) -> new Row(rs.getDate(2).toLocalDate(), messages.get("migration.move." + rs.getString(1))
                        + (rs.getString(3) == null ? "" : "：" + rs.getString(3))
                        + (rs.getTimestamp(4) == null ? "" : " " + messages.get("migration.move.undone"))))
                .list());
        rows.addAll(jdbc.sql("select state, created_at, peer_code from verification_request where person_id = ?")
                .param(personId)
                .query((rs, i) -> new Row(rs.getTimestamp(2).toInstant().atZone(org.renkou.common.Dates.ZONE).toLocalDate(),
                        messages.get("migration.records.request", rs.getString(3)) + "："
                                + messages.get("migration.state." + rs.getString(1))))
                .list());
        return rows;
    }
}
