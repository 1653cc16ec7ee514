package org.renkou.support;

import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.common.Messages;
import org.renkou.people.PersonRecords;
import org.renkou.people.PersonService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's allowance applications in words (as the one paid for, or as the applicant), for support readers. */
@Component
class SupportRecordsOfPerson implements PersonRecords {
    private final JdbcClient jdbc;
    private final PersonService persons;
    private final AccessService access;
    private final Messages messages;

    SupportRecordsOfPerson(JdbcClient jdbc, PersonService persons, AccessService access, Messages messages) {
        this.persons = persons;
        this.jdbc = jdbc;
        this.access = access;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String title() {
        return messages.get("allowance.title");
    }

    @Override
    public boolean readable() {
        return access.has(Permission.READ_SUPPORT);
    }

    @Override
    public List<Row> rows(long personId) {
        persons.get(personId); // answers not found unless the reader may see the person
        return jdbc.sql("""
                select p.name, a.state, a.applied_on, a.beneficiary_id = ? as beneficiary
                from allowance_application a join allowance_programme p on p.id = a.programme_id
                where a.beneficiary_id = ? or a.applicant_id = ? order by a.applied_on desc, a.id desc""")
                .params(personId, personId, personId)
                .query((rs, i) -> new Row(rs.getDate(3).toLocalDate(), rs.getString(1) + "："
                        + messages.get("allowance.state." + rs.getString(2))
                        + (rs.getBoolean(4) ? "" : messages.get("support.records.applicant"))))
                .list();
    }
}
