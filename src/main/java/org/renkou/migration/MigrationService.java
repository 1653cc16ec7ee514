package org.renkou.migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.common.Dates;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.TextLimits;
import org.renkou.common.ValidationException;
import org.renkou.common.NotFoundException;
import org.renkou.exchange.ExchangeService;
import org.renkou.exchange.IncomingMessage;
import org.renkou.people.Person;
import org.renkou.people.PersonForm;
import org.renkou.people.PersonService;
import org.renkou.people.PersonStatus;
import org.renkou.people.PersonsArrived;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Floating population between towns: registering an arrival creates the inflow person and, in the same
 * transaction, a verification request (协查) to the node of their hukou place; a received request is matched
 * to the local register by ID number (配对), staff verify it (核实) and answer with feedback (反馈).
 */
@Service
@EnableConfigurationProperties(MigrationSettings.class)
public class MigrationService {
    static final String REQUEST = "migration.verification-request";
    static final String FEEDBACK = "migration.verification-feedback";
    private static final int MAX_STAY_MONTHS = 1200;

    /** What travels in a request. */
    record RequestPayload(String idNumber, String name, String birthDate, String sex, boolean keySubject,
                          String deadline) {
    }

    private final JdbcClient jdbc;
    private final PersonService persons;
    private final ExchangeService exchange;
    private final AccessService access;
    private final AuditService audit;
    private final JsonMapper json;
    private final Messages messages;
    private final MigrationSettings.DeadlineDays deadlineDays;

    MigrationService(JdbcClient jdbc, PersonService persons, ExchangeService exchange, AccessService access,
                     AuditService audit, JsonMapper json, Messages messages,
                     MigrationSettings settings) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.exchange = exchange;
        this.access = access;
        this.audit = audit;
        this.json = json;
        this.messages = messages;
        this.deadlineDays = settings.deadlineDays();
    }

    /** Registers the arrival and queues the verification request to the hukou place; answers the request. */
    @Transactional
    public VerificationRequest registerArrival(Arrival a) {
        CurrentUser user = access.require(Permission.WRITE_REGISTER);
        String housing = checkArrival(a);
        PersonForm f = a.person();
        Person p = persons.create(new PersonForm(f.idNumber(), f.confirmIdNumber(), f.name(), f.sex(), f.birthDate(),
                f.ethnicity(), f.maritalStatus(), f.education(), f.householdNo(), f.relation(), f.hukouCode(),
                f.villageCode(), f.gridCode(), PersonStatus.INFLOW, a.arrivedOn(), null, null, a.reason(), f.hukouCode(),
                f.phone(), f.address(), f.motherId(), null), PersonService.Source.WEB);
        jdbc.sql("""
                insert into migration_move (person_id, kind, moved_on, reason, employer, housing, landlord,
                    expected_stay_months, place_code, key_subject, recorded_by)
                values (?, 'ARRIVAL', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), a.arrivedOn() == null ? Dates.today() : a.arrivedOn(), a.reason(), a.employer(),
                        housing, a.landlord(), a.expectedStayMonths(), p.hukouCode(), a.keySubject(), user.username())
                .update();
        return request(p, a.keySubject());
    }

    /** The arrival's own fields (the person's are the register's rules); answers the housing code. */
    private String checkArrival(Arrival a) {
        List<FieldProblem> problems = new ArrayList<>();
        if (a.person() == null) {
            problems.add(messages.problem("person", "required"));
        }
        String housing = null;
        if (a.housing() != null && !a.housing().isBlank()) {
            housing = Housing.of(a.housing()).map(Housing::name).orElse(null);
            if (housing == null) {
                problems.add(messages.problem("housing", "housing", a.housing()));
            }
        }
        TextLimits.check(messages, problems, "reason", a.reason(), TextLimits.SHORT_TEXT);
        TextLimits.check(messages, problems, "employer", a.employer(), TextLimits.SHORT_TEXT);
        TextLimits.check(messages, problems, "landlord", a.landlord(), TextLimits.NAME);
        if (a.expectedStayMonths() != null && (a.expectedStayMonths() < 0 || a.expectedStayMonths() > MAX_STAY_MONTHS)) {
            problems.add(messages.problem("expectedStayMonths", "range", 0, MAX_STAY_MONTHS));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return housing;
    }

    /** Sends a verification request about an inflow person to the node of their hukou place (also by hand). */
    @Transactional
    public VerificationRequest request(Person p, boolean keySubject) {
        return request(new PersonsArrived.Arrived(p.id(), p.idNumber(), p.name(), p.birthDate(), p.sex(), p.hukouCode()),
                keySubject);
    }

    /**
     * Inflow persons added other than by an arrival form (an import): each gets the same request as an arrival
     * entered by hand, in the transaction that added them. Whether one is a key subject is not known from a file.
     */
    @EventListener
    void arrived(PersonsArrived event) {
        event.persons().forEach(p -> request(p, false));
    }

    private VerificationRequest request(PersonsArrived.Arrived p, boolean keySubject) {
        LocalDate deadline = Dates.today().plusDays(keySubject ? deadlineDays.keySubject() : deadlineDays.other());
        RequestPayload payload = new RequestPayload(p.idNumber(), p.name(), String.valueOf(p.birthDate()), p.sex(),
                keySubject, deadline.toString());
        UUID id = exchange.send(p.hukouCode(), REQUEST, json.writeValueAsString(payload), null);
        jdbc.sql("""
                insert into verification_request (id, direction, peer_code, person_id, id_number, name, birth_date, sex,
                    key_subject, deadline, state) values (?, 'OUT', ?, ?, ?, ?, ?, ?, ?, ?, 'SENT')""")
                .params(id, p.hukouCode(), p.id(), p.idNumber(), p.name(), p.birthDate(), p.sex(), keySubject, deadline)
                .update();
        audit.record(AuditAction.CREATE, "person", String.valueOf(p.id()), "verification request to " + p.hukouCode());
        return find(id).orElseThrow();
    }

    public List<VerificationRequest> requests(String direction) {
        access.require(Permission.TOWN_OFFICE);
        return jdbc.sql("select * from verification_request where direction = ? order by created_at desc")
                .param(direction).query(MigrationService::map).list();
    }

    /** Requests we sent whose deadline has passed without feedback (超期). */
    public List<VerificationRequest> overdue() {
        access.require(Permission.TOWN_OFFICE);
        return jdbc.sql("select * from verification_request where direction = 'OUT' and state = 'SENT' and deadline < ?"
                + " order by deadline").param(Dates.today()).query(MigrationService::map).list();
    }

    /** Feedback timeliness (反馈及时率): of the requests sent in the period, how many were answered by their deadline. */
    public Timeliness timeliness(LocalDate from, LocalDate to) {
        access.require(Permission.TOWN_OFFICE);
        return jdbc.sql("""
                select count(*), count(*) filter (where answered_at is not null
                                                    and (answered_at at time zone 'Asia/Shanghai')::date <= deadline)
                from verification_request
                where direction = 'OUT' and (created_at at time zone 'Asia/Shanghai')::date between ? and ?""")
                .params(from, to).query((rs, i) -> Timeliness.of(rs.getLong(1), rs.getLong(2))).single();
    }

    public Optional<VerificationRequest> find(UUID id) {
        return jdbc.sql("select * from verification_request where id = ?").param(id).query(MigrationService::map).optional();
    }

    /** Staff answer a received request after verifying (核实); the feedback goes back to the asking node. */
    @Transactional
    public VerificationRequest answer(UUID id, Feedback feedback) {
        access.require(Permission.WRITE_REGISTER);
        VerificationRequest r = find(id).filter(x -> x.direction().equals("IN"))
                .orElseThrow(() -> new NotFoundException("verification request " + id));
        String body = json.writeValueAsString(feedback);
        exchange.send(r.peerCode(), FEEDBACK, body, id);
        jdbc.sql("update verification_request set state = 'ANSWERED', feedback = ?, answered_at = now() where id = ?")
                .params(body, id).update();
        audit.record(AuditAction.UPDATE, "verification_request", id.toString(), body);
        return find(id).orElseThrow();
    }

    /** A request from another node: matched to the local register by ID number, or queued for staff. */
    void received(IncomingMessage m) {
        RequestPayload r = json.readValue(m.payload(), RequestPayload.class);
        Optional<Long> match = r.idNumber() == null ? Optional.empty() : persons.findIdByIdNumber(r.idNumber());
        jdbc.sql("""
                insert into verification_request (id, direction, peer_code, person_id, id_number, name, birth_date, sex,
                    key_subject, deadline, state) values (?, 'IN', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.sender(), match.orElse(null), r.idNumber(), r.name(),
                        r.birthDate() == null || r.birthDate().equals("null") ? null : LocalDate.parse(r.birthDate()),
                        r.sex(), r.keySubject(), LocalDate.parse(r.deadline()), match.isPresent() ? "MATCHED" : "UNMATCHED")
                .update();
    }

    /**
     * Feedback to one of our requests. Only the node the request went to may answer it: feedback from any
     * other peer (a signed message, but about a request it never received) changes nothing and is audited.
     */
    void answered(IncomingMessage m) {
        boolean fromRecipient = find(m.correlationId()).filter(r -> r.direction().equals("OUT"))
                .flatMap(r -> exchange.peerFor(r.peerCode()))
                .filter(peer -> peer.code().equals(m.sender())).isPresent();
        if (fromRecipient) {
            jdbc.sql("update verification_request set state = 'ANSWERED', feedback = ?, answered_at = now()"
                    + " where id = ? and direction = 'OUT'").params(m.payload(), m.correlationId()).update();
        } else {
            audit.recordAs("peer:" + m.sender(), AuditAction.ACCESS_DENIED, "verification_request",
                    String.valueOf(m.correlationId()), "not the recipient of the request");
        }
    }

    private static VerificationRequest map(ResultSet rs, int i) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        long person = rs.getLong("person_id");
        Long personId = rs.wasNull() ? null : person;
        java.sql.Date birth = rs.getDate("birth_date");
        return new VerificationRequest(rs.getObject("id", UUID.class), rs.getString("direction"),
                rs.getString("peer_code"), personId, rs.getString("id_number"), rs.getString("name"),
                birth == null ? null : birth.toLocalDate(), rs.getString("sex"), rs.getBoolean("key_subject"),
                rs.getDate("deadline").toLocalDate(), rs.getString("state"), rs.getString("feedback"),
                rs.getTimestamp("created_at").toInstant(), answered == null ? null : answered.toInstant());
    }
}
