package org.renkou.health;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.renkou.common.NotFoundException;
import org.renkou.common.PageResult;
import org.renkou.common.ValidationException;
import org.renkou.people.Person;
import org.renkou.people.PersonService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Women of reproductive age (育龄妇女) and what is recorded about each: contraception (避孕节育措施) with its
 * history, pregnancies, children and checks. Reads are audited like any read of a person's record.
 */
@Service
public class WomenService {
    private final JdbcClient jdbc;
    private final PersonService persons;
    private final AccessService access;
    private final AuditService audit;
    private final Messages messages;
    private final BirthService births;

    WomenService(JdbcClient jdbc, PersonService persons, AccessService access, AuditService audit, Messages messages,
                 BirthService births) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
        this.births = births;
    }

    /** The register of WRA (15–49 on {@code on}) of an area the user may see, floating women included. */
    public PageResult<WomanRow> register(String area, LocalDate on, boolean marriedOnly, int page, int size) {
        CurrentUser user = access.require(Permission.READ_HEALTH);
        AreaCondition in = user.scope().on("p.village_code", "p.grid_code").within(area);
        StringBuilder where = new StringBuilder(" where p.sex = '2' and p.status in ('REGISTERED', 'INFLOW')"
                + " and p.birth_date > (:on::date - interval '50 years')::date and p.birth_date <= (:on::date - interval '15 years')::date and ");
        where.append(in.sql());
        if (marriedOnly) {
            where.append(" and p.marital_status in ('20', '21', '22', '23')");
        }
        long total = jdbc.sql("select count(*) from people_on(:on) p" + where).param("on", on).params(in.params())
                .query(Long.class).single();
        List<WomanRow> rows = jdbc.sql("""
                select p.person_id, p.name, p.id_number, p.birth_date, p.status, p.village_code, p.grid_code,
                       p.marital_status, c.method, c.no_method_reason,
                       (select max(r.checked_on) from check_roster r where r.person_id = p.person_id) as last_checked
                from people_on(:on) p
                left join lateral (select method, no_method_reason from contraception c
                                   where c.person_id = p.person_id and c.started_on <= :on
                                     and (c.ended_on is null or c.ended_on > :on)
                                   order by c.started_on desc limit 1) c on true""" + where
                        + " order by p.village_code, p.name, p.person_id limit :size offset :offset")
                .param("on", on).params(in.params()).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> row(rs, on)).list();
        return new PageResult<>(rows, total, page, size);
    }

    /** One woman's page (audited as a read of her health record). */
    @Transactional
    public WomanRecord woman(long personId) {
        access.require(Permission.READ_HEALTH);
        Person p = persons.get(personId);
        return new WomanRecord(p, Dates.age(p.birthDate(), Dates.today()), contraception(personId),
                checks(personId), pregnancies(personId), births.children(personId), births.permits(personId),
                procedures(personId));
    }

    /** Records a new measure (or a reason for none) from a date; the one in force ends that day. */
    @Transactional
    public Contraception recordContraception(long personId, ContraceptionForm f) {
        CurrentUser user = access.require(Permission.WRITE_HEALTH);
        Person p = woman(personId, user);
        List<FieldProblem> problems = new ArrayList<>();
        if ((f.method() == null) == (f.noMethodReason() == null)) {
            problems.add(messages.problem("method", "methodOrReason"));
        }
        checkDate(problems, "startedOn", f.startedOn(), p);
        Contraception current = contraception(personId).stream().filter(c -> c.endedOn() == null).findFirst().orElse(null);
        if (current != null && f.startedOn() != null && f.startedOn().isBefore(current.startedOn())) {
            problems.add(messages.problem("startedOn", "notBeforeCurrent", current.startedOn()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        if (current != null) {
            jdbc.sql("update contraception set ended_on = ? where id = ?").params(f.startedOn(), current.id()).update();
        }
        long id = jdbc.sql("""
                insert into contraception (person_id, method, no_method_reason, started_on, provider, recorded_by)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(personId, name(f.method()), name(f.noMethodReason()), f.startedOn(), blankToNull(f.provider()),
                        user.username()).query(Long.class).single();
        audit.record(AuditAction.CREATE, "person", String.valueOf(personId), "contraception " + name(f.method()) + name(f.noMethodReason()));
        return contraception(personId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public Pregnancy recordPregnancy(long personId, PregnancyForm f) {
        CurrentUser user = access.require(Permission.WRITE_HEALTH);
        Person p = woman(personId, user);
        List<FieldProblem> problems = new ArrayList<>();
        checkDate(problems, "detectedOn", f.detectedOn(), p);
        if (f.expectedOn() != null && f.detectedOn() != null && !f.expectedOn().isAfter(f.detectedOn())) {
            problems.add(messages.problem("expectedOn", "afterDetected"));
        }
        if (pregnancies(personId).stream().anyMatch(x -> x.outcome() == null)) {
            problems.add(messages.problem("detectedOn", "pregnancyOpen"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = jdbc.sql("insert into pregnancy (person_id, detected_on, expected_on, recorded_by) values (?, ?, ?, ?) returning id")
                .params(personId, f.detectedOn(), f.expectedOn(), user.username()).query(Long.class).single();
        audit.record(AuditAction.CREATE, "person", String.valueOf(personId), "pregnancy");
        return pregnancies(personId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    /** Closes a pregnancy with its outcome (a live birth is then recorded as a birth). */
    @Transactional
    public Pregnancy closePregnancy(long pregnancyId, PregnancyForm f) {
        CurrentUser user = access.require(Permission.WRITE_HEALTH);
        Pregnancy open = jdbc.sql("select * from pregnancy where id = ?").param(pregnancyId).query(WomenService::pregnancy)
                .optional().orElseThrow(() -> new NotFoundException("pregnancy " + pregnancyId));
        Person p = woman(open.personId(), user);
        List<FieldProblem> problems = new ArrayList<>();
        if (f.outcome() == null) {
            problems.add(messages.problem("outcome", "required"));
        }
        checkDate(problems, "outcomeOn", f.outcomeOn(), p);
        if (f.outcomeOn() != null && f.outcomeOn().isBefore(open.detectedOn())) {
            problems.add(messages.problem("outcomeOn", "afterDetected"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        jdbc.sql("update pregnancy set outcome = ?, outcome_on = ? where id = ?")
                .params(f.outcome().name(), f.outcomeOn(), pregnancyId).update();
        audit.record(AuditAction.UPDATE, "person", String.valueOf(open.personId()), "pregnancy outcome " + f.outcome().name());
        return pregnancies(open.personId()).stream().filter(x -> x.id() == pregnancyId).findFirst().orElseThrow();
    }

    /**
     * Records a procedure done on a day (上环, 取环, 结扎, 人流, 引产, 皮埋), counted in 国人口统2表 of the period of that
     * day for the village she lives in; the measure it brings is recorded as contraception, as before.
     */
    @Transactional
    public Procedure recordProcedure(long personId, ProcedureForm f) {
        CurrentUser user = access.require(Permission.WRITE_HEALTH);
        Person p = woman(personId, user);
        List<FieldProblem> problems = new ArrayList<>();
        if (f.kind() == null) {
            problems.add(messages.problem("kind", "required"));
        }
        checkDate(problems, "doneOn", f.doneOn(), p);
        org.renkou.common.TextLimits.check(messages, problems, "provider", f.provider(), org.renkou.common.TextLimits.SHORT_TEXT);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = jdbc.sql("""
                insert into fp_procedure (person_id, kind, done_on, provider, area_code, grid_code, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(personId, f.kind().name(), f.doneOn(), blankToNull(f.provider()), p.villageCode(), p.gridCode(),
                        user.username()).query(Long.class).single();
        audit.record(AuditAction.CREATE, "person", String.valueOf(personId), "procedure " + f.kind().name());
        return procedures(personId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    List<Procedure> procedures(long personId) {
        return jdbc.sql("select * from fp_procedure where person_id = ? order by done_on desc, id desc").param(personId)
                .query((rs, n) -> new Procedure(rs.getLong("id"), rs.getLong("person_id"),
                        enumOf(HealthCodes.ProcedureKind.class, rs.getString("kind")), rs.getObject("done_on", LocalDate.class),
                        rs.getString("provider"), rs.getString("recorded_by"))).list();
    }

    /** Her person record, if she is a woman the user may record health services for (read audited). */
    Person woman(long personId, CurrentUser user) {
        Person p = persons.get(personId);
        if (!"2".equals(p.sex())) {
            throw new ValidationException(List.of(messages.problem("personId", "womanOnly")));
        }
        return p;
    }

    private void checkDate(List<FieldProblem> problems, String field, LocalDate d, Person p) {
        if (d == null) {
            problems.add(messages.problem(field, "required"));
        } else if (d.isAfter(Dates.today())) {
            problems.add(messages.problem(field, "notFuture"));
        } else if (d.isBefore(p.birthDate())) {
            problems.add(messages.problem(field, "beforeBirth"));
        }
    }

    List<Contraception> contraception(long personId) {
        return jdbc.sql("select * from contraception where person_id = ? order by started_on desc, id desc")
                .param(personId).query((rs, n) -> new Contraception(rs.getLong("id"), rs.getLong("person_id"),
                        enumOf(HealthCodes.Method.class, rs.getString("method")),
                        enumOf(HealthCodes.NoMethodReason.class, rs.getString("no_method_reason")),
                        rs.getObject("started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
                        rs.getString("provider"), rs.getString("recorded_by"))).list();
    }

    List<Pregnancy> pregnancies(long personId) {
        return jdbc.sql("select * from pregnancy where person_id = ? order by detected_on desc")
                .param(personId).query(WomenService::pregnancy).list();
    }

    private List<RosterLine> checks(long personId) {
        return jdbc.sql("""
                select r.*, c.name as campaign_name, c.ends_on from check_roster r join check_campaign c on c.id = r.campaign_id
                where r.person_id = ? order by c.starts_on desc""").param(personId)
                .query((rs, n) -> CampaignService.rosterLine(rs, null, null)).list();
    }

    private static Pregnancy pregnancy(ResultSet rs, int n) throws SQLException {
        return new Pregnancy(rs.getLong("id"), rs.getLong("person_id"), rs.getObject("detected_on", LocalDate.class),
                rs.getObject("expected_on", LocalDate.class),
                enumOf(HealthCodes.PregnancyOutcome.class, rs.getString("outcome")),
                rs.getObject("outcome_on", LocalDate.class));
    }

    private static WomanRow row(ResultSet rs, LocalDate on) throws SQLException {
        LocalDate birth = rs.getObject("birth_date", LocalDate.class);
        return new WomanRow(rs.getLong("person_id"), rs.getString("name"), IdNumber.mask(rs.getString("id_number")),
                Dates.age(birth, on), rs.getString("status"), rs.getString("village_code"), rs.getString("grid_code"),
                rs.getString("marital_status"), enumOf(HealthCodes.Method.class, rs.getString("method")),
                enumOf(HealthCodes.NoMethodReason.class, rs.getString("no_method_reason")),
                rs.getObject("last_checked", LocalDate.class));
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
