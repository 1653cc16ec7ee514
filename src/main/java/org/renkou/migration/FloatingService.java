package org.renkou.migration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.common.AreaCondition;
import org.renkou.common.Dates;
import org.renkou.common.FieldProblem;
import org.renkou.common.IdNumber;
import org.renkou.common.Messages;
import org.renkou.common.ValidationException;
import org.renkou.exchange.ExchangeService;
import org.renkou.exchange.IncomingMessage;
import org.renkou.people.Person;
import org.renkou.people.PersonForm;
import org.renkou.people.PersonService;
import org.renkou.people.PersonStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The moves of floating people after arrival: departures to work elsewhere (流出), returns, and inflow people
 * leaving the town. Each is a dated change of residence status (so figures can be taken for any date), a move
 * in the person's history, and a notice (通报) to the other place's node. Also the overview by area.
 */
@Service
public class FloatingService {
    static final String NOTICE = "migration.notice";

    /** What travels in a notice. */
    record NoticePayload(String event, String idNumber, String name, String birthDate, String sex, String movedOn,
                         String placeCode) {
    }

    private final JdbcClient jdbc;
    private final PersonService persons;
    private final ExchangeService exchange;
    private final AccessService access;
    private final AuditService audit;
    private final Messages messages;
    private final JsonMapper json;

    FloatingService(JdbcClient jdbc, PersonService persons, ExchangeService exchange, AccessService access,
                    AuditService audit, Messages messages, JsonMapper json) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.exchange = exchange;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
        this.json = json;
    }

    /** 流出: a registered person leaves to live elsewhere; the destination's node gets a notice. */
    @Transactional
    public Person depart(long personId, Departure d) {
        return depart(personId, d, PersonService.Source.WEB.name());
    }

    /**
     * A move out of the town found by other work (a verification visit, {@code source} as in the person's history):
     * a registered person departs (a destination is needed), an inflow person leaves; the move record and the
     * notice are the same as for a move entered here.
     */
    @Transactional
    public Person moveOut(long personId, Departure d, String source) {
        return persons.get(personId).status() == PersonStatus.INFLOW ? leave(personId, d, source) : depart(personId, d, source);
    }

    /**
     * Takes back a move out that other work found and then undid (a verification round's change undone by the town
     * office): the person is revised back with {@code restore} (as read at {@code version}); the move record is
     * marked undone, and the place that was told of the move is told it did not happen as migration says it: the
     * destination of a departure gets a return notice (the person lives here), the hukou place of an inflow person
     * who was said to leave gets an arrival notice. A move out made without migration (no move record) is only
     * revised back, as there was nobody to tell.
     */
    @Transactional
    public Person undoMoveOut(long personId, int version, java.util.function.UnaryOperator<PersonForm> restore, String source) {
        access.require(Permission.WRITE_REGISTER);
        Person before = persons.get(personId);
        Person after = persons.revise(personId, version, restore, source).after();
        if (before.leftOn() == null || after.status() == before.status()) {
            return after;
        }
        String kind = before.status() == PersonStatus.MOVED_AWAY ? "LEAVING" : "DEPARTURE";
        Optional<Long> move = jdbc.sql("""
                update migration_move set undone_at = now(), undone_by = ?
                where id = (select id from migration_move where person_id = ? and kind = ? and moved_on = ? and undone_at is null
                            order by id desc limit 1)
                returning id""")
                .params(access.current().username(), personId, kind, before.leftOn()).query(Long.class).optional();
        if (move.isEmpty()) {
            return after;
        }
        audit.record(AuditAction.UPDATE, "person", String.valueOf(personId), kind + " undone");
        if ("DEPARTURE".equals(kind)) {
            notice("RETURN", after, before.leftOn(), before.otherPlaceCode(), null);
        } else {
            notice("ARRIVAL", after, after.arrivedOn() == null ? before.leftOn() : after.arrivedOn(), after.hukouCode(), null);
        }
        return after;
    }

    private Person depart(long personId, Departure d, String source) {
        Person p = movable(personId, PersonStatus.REGISTERED, d, true);
        Person after = change(p, PersonStatus.OUTFLOW, null, d, source);
        record(after, "DEPARTURE", d);
        notice("DEPARTURE", after, d.on(), d.placeCode(), d.placeCode());
        return after;
    }

    /** An outflow person comes home: registered and living here again. */
    @Transactional
    public Person returnHome(long personId, Departure d) {
        Person p = movable(personId, PersonStatus.OUTFLOW, d, false);
        Person after = change(p, PersonStatus.REGISTERED, d.on(), new Departure(d.on(), null, null, null),
                PersonService.Source.WEB.name());
        record(after, "RETURN", d);
        notice("RETURN", after, d.on(), p.otherPlaceCode(), null);
        return after;
    }

    /** An inflow person leaves the town (destination optional); their hukou place is told. */
    @Transactional
    public Person leave(long personId, Departure d) {
        return leave(personId, d, PersonService.Source.WEB.name());
    }

    private Person leave(long personId, Departure d, String source) {
        Person p = movable(personId, PersonStatus.INFLOW, d, false);
        Person after = change(p, PersonStatus.MOVED_AWAY, p.arrivedOn(), d, source);
        record(after, "LEAVING", d);
        notice("LEAVING", after, d.on(), p.hukouCode(), d.placeCode());
        return after;
    }

    private Person movable(long personId, PersonStatus from, Departure d, boolean placeRequired) {
        access.require(Permission.WRITE_REGISTER);
        Person p = persons.get(personId);
        List<FieldProblem> problems = new ArrayList<>();
        if (p.status() != from) {
            problems.add(messages.problem("status", "moveFrom", messages.get("status." + p.status())));
        }
        if (d.on() == null) {
            problems.add(messages.problem("movedOn", "required"));
        } else if (d.on().isAfter(Dates.today())) {
            problems.add(messages.problem("movedOn", "notFuture"));
        } else if (d.on().isBefore(p.birthDate())) {
            problems.add(messages.problem("movedOn", "beforeBirth"));
        }
        String place = d.placeCode() == null ? "" : d.placeCode().trim();
        if (placeRequired && place.isEmpty()) {
            problems.add(messages.problem("otherPlaceCode", "required"));
        } else if (!place.isEmpty() && !place.matches("\\d{6,12}")) {
            problems.add(messages.problem("otherPlaceCode", "hukouCode"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return p;
    }

    private Person change(Person p, PersonStatus status, LocalDate arrivedOn, Departure d, String source) {
        boolean gone = status == PersonStatus.OUTFLOW || status == PersonStatus.MOVED_AWAY;
        String place = d.placeCode() == null || d.placeCode().isBlank() ? null : d.placeCode().trim();
        return persons.revise(p.id(), p.version(), f -> new PersonForm(f.idNumber(), f.confirmIdNumber(), f.name(), f.sex(),
                f.birthDate(), f.ethnicity(), f.maritalStatus(), f.education(), f.householdNo(), f.relation(), f.hukouCode(),
                f.villageCode(), f.gridCode(), status, arrivedOn, gone ? d.on() : null, null,
                gone ? d.reason() : null, gone ? place : null, f.phone(), f.address(), f.motherId(), f.version()),
                source).after();
    }

    private void record(Person p, String kind, Departure d) {
        jdbc.sql("insert into migration_move (person_id, kind, moved_on, reason, place_code, contact, recorded_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(p.id(), kind, d.on(), d.reason(), d.placeCode() == null || d.placeCode().isBlank() ? null : d.placeCode().trim(),
                        d.contact(), access.current().username()).update();
        audit.record(AuditAction.UPDATE, "person", String.valueOf(p.id()), kind + " " + d.placeCode());
    }

    /** Tells the other place's node; a place without a known peer waits as undeliverable in the outbox. */
    private void notice(String event, Person p, LocalDate on, String recipient, String place) {
        if (recipient == null || recipient.isBlank()) {
            return;
        }
        NoticePayload payload = new NoticePayload(event, p.idNumber(), p.name(), String.valueOf(p.birthDate()), p.sex(),
                on.toString(), place);
        UUID id = exchange.send(recipient, NOTICE, json.writeValueAsString(payload), null);
        jdbc.sql("insert into migration_notice (id, direction, peer_code, event, person_id, id_number, name, moved_on, place_code)"
                + " values (?, 'OUT', ?, ?, ?, ?, ?, ?, ?)").params(id, recipient, event, p.id(), p.idNumber(), p.name(), on, place)
                .update();
    }

    /** A notice from another town, matched to the local register by ID number. */
    void noticeReceived(IncomingMessage m) {
        NoticePayload n = json.readValue(m.payload(), NoticePayload.class);
        Optional<Long> match = n.idNumber() == null ? Optional.empty() : persons.findIdByIdNumber(n.idNumber());
        jdbc.sql("insert into migration_notice (id, direction, peer_code, event, person_id, id_number, name, moved_on, place_code)"
                + " values (?, 'IN', ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing")
                .params(m.id(), m.sender(), n.event(), match.orElse(null), n.idNumber(), n.name(), LocalDate.parse(n.movedOn()),
                        n.placeCode()).update();
    }

    public List<Notice> notices(String direction) {
        access.require(Permission.TOWN_OFFICE);
        return jdbc.sql("select * from migration_notice where direction = ? order by created_at desc limit 500")
                .param(direction).query((rs, i) -> new Notice(rs.getObject("id", UUID.class), rs.getString("direction"),
                        rs.getString("peer_code"), rs.getString("event"), (Long) rs.getObject("person_id"),
                        rs.getString("id_number"), rs.getString("name"), rs.getObject("moved_on", LocalDate.class),
                        rs.getString("place_code"), rs.getTimestamp("created_at").toInstant())).list();
    }

    /** The floating population of an area the user may see, today; the police liaison reads it too. */
    public FloatingOverview overview(String area) {
        CurrentUser user = access.require(Permission.READ_PERSONS);
        LocalDate today = Dates.today();
        AreaCondition in = user.scope().on("f.village_code", "f.grid_code").within(area);
        Map<String, Object> params = new HashMap<>(in.params());
        params.put("today", today);
        String from = " from floating_on(:today) f where " + in.sql();
        List<FloatingOverview.VillageRow> villages = jdbc.sql("select f.village_code, count(*) filter (where f.status = 'INFLOW'),"
                        + " count(*) filter (where f.status = 'INFLOW' and f.sex = '1'), count(*) filter (where f.status = 'INFLOW' and f.sex = '2'),"
                        + " count(*) filter (where f.status = 'OUTFLOW')" + from + " group by f.village_code order by f.village_code")
                .params(params).query((rs, i) -> new FloatingOverview.VillageRow(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5))).list();
        List<FloatingOverview.Count> reasons = jdbc.sql("select coalesce(f.move_reason, '—'), count(*)" + from
                        + " and f.status = 'INFLOW' group by 1 order by 2 desc").params(params)
                .query((rs, i) -> new FloatingOverview.Count(rs.getString(1), rs.getLong(2))).list();
        List<FloatingOverview.Count> destinations = jdbc.sql("select coalesce(left(f.other_place_code, 6), '—'), count(*)" + from
                        + " and f.status = 'OUTFLOW' group by 1 order by 2 desc limit 30").params(params)
                .query((rs, i) -> new FloatingOverview.Count(rs.getString(1), rs.getLong(2))).list();
        List<FloatingOverview.KeySubject> keys = jdbc.sql("select f.person_id, f.name, f.id_number, f.village_code, f.hukou_code,"
                        + " f.arrived_on" + from + " and f.status = 'INFLOW' and exists (select 1 from migration_move m"
                        + " where m.person_id = f.person_id and m.kind = 'ARRIVAL' and m.key_subject) order by f.village_code, f.name limit 500")
                .params(params).query((rs, i) -> new FloatingOverview.KeySubject(rs.getLong(1), rs.getString(2),
                        IdNumber.mask(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class))).list();
        return new FloatingOverview(villages, reasons, destinations, keys,
                villages.stream().mapToLong(FloatingOverview.VillageRow::inflow).sum(),
                villages.stream().mapToLong(FloatingOverview.VillageRow::outflow).sum());
    }
}
