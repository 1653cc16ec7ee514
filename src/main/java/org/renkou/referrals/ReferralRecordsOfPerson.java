package org.renkou.referrals;

import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.people.PersonRecords;
import org.renkou.people.PersonService;
import org.renkou.people.PersonStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * A person's referrals, on the person's page and the duplicate review: each with its office and state; the town
 * office is offered "转介" for a floating person (the only ones referred).
 */
@Component
class ReferralRecordsOfPerson implements PersonRecords {
    private final ReferralService referrals;
    private final PersonService persons;
    private final AccessService access;
    private final Messages messages;

    ReferralRecordsOfPerson(ReferralService referrals, PersonService persons, AccessService access, Messages messages) {
        this.referrals = referrals;
        this.persons = persons;
        this.access = access;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public boolean onPersonPage() {
        return true;
    }

    @Override
    public String title() {
        return messages.get("referrals.records");
    }

    @Override
    public boolean readable() {
        return access.has(Permission.ANSWER_REFERRALS);
    }

    @Override
    public List<Row> rows(long personId) {
        return referrals.ofPerson(personId).stream().map(r -> new Row(r.referredOn(),
                messages.get("referrals.kind." + r.kind().name()) + " → " + r.partnerName() + "：" + state(r),
                "/referrals/" + r.id())).toList();
    }

    @Override
    public List<Link> links(long personId) {
        return access.has(Permission.TOWN_OFFICE) && floating(personId)
                ? List.of(new Link("refer-person", "/referrals/new?personId=" + personId, messages.get("referrals.refer")))
                : List.of();
    }

    private String state(Referral r) {
        if (r.outcome() != null) {
            return messages.get("referrals.outcome." + r.outcome().name()) + "（" + r.answeredOn() + "）";
        }
        return messages.get(r.overdue() ? "referrals.state.OVERDUE" : "referrals.state.OPEN");
    }

    private boolean floating(long personId) {
        try {
            return persons.get(personId).status() == PersonStatus.INFLOW;
        } catch (NotFoundException | AccessDeniedException e) {
            return false;
        }
    }
}
