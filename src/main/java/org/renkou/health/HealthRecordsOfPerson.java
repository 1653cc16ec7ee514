package org.renkou.health;

import java.util.ArrayList;
import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.common.Messages;
import org.renkou.people.PersonRecords;
import org.springframework.stereotype.Component;

/** A person's health records in words (contraception, pregnancies, children, procedures), read from her record. */
@Component
class HealthRecordsOfPerson implements PersonRecords {
    private final WomenService women;
    private final AccessService access;
    private final Messages messages;

    HealthRecordsOfPerson(WomenService women, AccessService access, Messages messages) {
        this.women = women;
        this.access = access;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String title() {
        return messages.get("health.records");
    }

    @Override
    public boolean readable() {
        return access.has(Permission.READ_HEALTH);
    }

    @Override
    public List<Row> rows(long personId) {
        WomanRecord w = women.woman(personId);
        List<Row> rows = new ArrayList<>();
        w.contraception().forEach(c -> rows.add(new Row(c.startedOn(), messages.get("health.contraception") + "："
                + (c.method() != null ? messages.get("health.method." + c.method().name())
                : messages.get("health.reason." + c.noMethodReason().name())))));
        w.pregnancies().forEach(p -> rows.add(new Row(p.detectedOn(), messages.get("health.records.pregnancy")
                + (p.outcome() == null ? "" : "：" + messages.get("health.outcome." + p.outcome().name())))));
        w.children().forEach(b -> rows.add(new Row(b.birthDate(),
                messages.get("health.records.birth", String.valueOf(b.birthOrder())) + " " + b.childName())));
        w.procedures().forEach(p -> rows.add(new Row(p.doneOn(), messages.get("health.procedure." + p.kind().name()))));
        return rows;
    }
}
