package org.renkou.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.AreaCondition;
import org.renkou.common.ConflictException;
import org.renkou.common.Csv;
import org.renkou.common.Dates;
import org.renkou.common.IdNumber;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.common.PageResult;
import org.renkou.common.ValidationException;
import org.renkou.people.Person;
import org.renkou.people.PersonService;
import org.renkou.people.PersonStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Allowance programmes (奖励扶助, 特别扶助, 育儿补贴): eligibility computed from the register with its reasons,
 * applications through apply → review → approve, and monthly payment lines in batches. A beneficiary-month is
 * unique in the database, so re-running a batch or overlapping batches never pays anyone twice.
 */
@Service
public class AllowanceService {
    /** Who each rule picks from the register on a date, and the months each beneficiary is paid for. */
    private static final String HUKOU_HERE = "p.status in ('REGISTERED', 'OUTFLOW')";

    private final JdbcClient jdbc;
    private final AccessService access;
    private final AuditService audit;
    private final Messages messages;
    private final AreaService areas;
    private final PersonService persons;

    AllowanceService(JdbcClient jdbc, AccessService access, AuditService audit, Messages messages, AreaService areas,
                     PersonService persons) {
        this.areas = areas;
        this.persons = persons;
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
    }

    public List<Programme> programmes() {
        return jdbc.sql("select * from allowance_programme order by id").query((rs, i) -> new Programme(rs.getLong("id"),
                rs.getString("code"), rs.getString("name"), rs.getString("rule"), rs.getLong("amount_fen"),
                (Long) rs.getObject("urban_amount_fen"), rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                rs.getString("note"))).list();
    }

    public Programme programme(long id) {
        return programmes().stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("programme " + id));
    }

    /** Changes a programme's name, monthly amounts (rural and, where different, urban), validity and note. */
    @Transactional
    public Programme changeProgramme(long id, String name, String monthlyYuan, String urbanMonthlyYuan, LocalDate validFrom,
                                     LocalDate validTo, String note) {
        access.require(Permission.ADMINISTER);
        programme(id);
        Long amount = monthlyYuan == null || monthlyYuan.isBlank() ? null : Money.fen(monthlyYuan);
        Long urban = urbanMonthlyYuan == null || urbanMonthlyYuan.isBlank() ? null : Money.fen(urbanMonthlyYuan);
        List<org.renkou.common.FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(messages.problem("name", "required"));
        }
        if (amount == null || amount <= 0) {
            problems.add(messages.problem("monthlyYuan", "money", monthlyYuan));
        }
        if (urbanMonthlyYuan != null && !urbanMonthlyYuan.isBlank() && (urban == null || urban <= 0)) {
            problems.add(messages.problem("urbanMonthlyYuan", "money", urbanMonthlyYuan));
        }
        if (validFrom == null) {
            problems.add(messages.problem("validFrom", "required"));
        } else if (validTo != null && !validTo.isAfter(validFrom)) {
            problems.add(messages.problem("validTo", "afterValidFrom"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        jdbc.sql("update allowance_programme set name = ?, amount_fen = ?, urban_amount_fen = ?, valid_from = ?, valid_to = ?,"
                + " note = ? where id = ?").params(name.trim(), amount, urban, validFrom, validTo, note, id).update();
        audit.record(AuditAction.CREATE, "allowance_programme", String.valueOf(id), Money.yuan(amount) + " 元/月");
        return programme(id);
    }

    /** One page of the people of an area the user may see who are eligible on the date, with the reasons; the total counts all. */
    public PageResult<Eligible> eligible(long programmeId, String area, LocalDate on, int page, int size) {
        CurrentUser user = access.require(Permission.READ_SUPPORT);
        Programme p = programme(programmeId);
        AreaCondition in = user.scope().on("p.village_code", "p.grid_code").within(area);
        Map<String, Object> params = new HashMap<>(in.params());
        String sql = eligibleSql(p.rule(), on, params) + " and " + in.sql();
        int pageNo = Math.max(page, 0);
        int pageSize = Math.min(Math.max(size, 1), 500);
        long total = jdbc.sql("select count(*) from (" + sql + ") x").params(params).query(Long.class).single();
        List<Eligible> items = jdbc.sql(sql + " order by p.village_code, p.name, p.person_id limit :size offset :offset")
                .params(params).param("size", pageSize).param("offset", (long) pageNo * pageSize)
                .query(AllowanceService::eligible).list();
        return new PageResult<>(items, total, pageNo, pageSize);
    }

    private String eligibleSql(String rule, LocalDate on, Map<String, Object> params) {
        params.put("on", on);
        String select = "select p.person_id, p.name, p.id_number, p.village_code, p.birth_date, ";
        String from = " from people_on(:on) p ";
        return switch (rule) {
            case "CHILD_UNDER_3" -> {
                yield select + "'未满3周岁（' || p.birth_date || ' 出生），户籍在本地' as reasons" + from
                        + "where " + HUKOU_HERE + " and p.birth_date > (:on::date - interval '3 years')::date";
            }
            case "PARENT_60_ONE_CHILD" -> {
                yield select + "'年满60周岁，户籍在本地农村，' || case when m.children = 1 then '只有一个子女' else '只有两个女儿' end"
                        + from + "join mothers_children() m on m.mother_id = p.person_id where " + HUKOU_HERE
                        + " and p.birth_date <= (:on::date - interval '60 years')::date"
                        + " and (m.children = 1 or m.children = 2 and m.daughters = 2)" + rural(params);
            }
            case "ONLY_CHILD_DIED" -> {
                yield select + "'女方年满49周岁，独生子女已死亡，未再生育或收养'" + from
                        + "join mothers_children() m on m.mother_id = p.person_id where " + HUKOU_HERE
                        + " and p.birth_date <= (:on::date - interval '49 years')::date and m.children = 1 and m.deceased = 1";
            }
            default -> {
                yield select + "'女方年满49周岁，只有一个子女；须核验其三级以上残疾证明'" + from
                        + "join mothers_children() m on m.mother_id = p.person_id where " + HUKOU_HERE
                        + " and p.birth_date <= (:on::date - interval '49 years')::date and m.children = 1 and m.deceased = 0";
            }
        };
    }

    /**
     * The reward assistance (奖励扶助) is for rural families: a community (社区, urban) is left out. The communities
     * are few, so they are named in the statement.
     */
    private String rural(Map<String, Object> params) {
        List<String> communities = areas.byLevel(Area.Level.VILLAGE).stream().filter(a -> a.kind() == Area.Kind.COMMUNITY)
                .map(Area::code).toList();
        if (communities.isEmpty()) {
            return "";
        }
        params.put("communities", communities);
        return " and p.village_code not in (:communities)";
    }

    /**
     * Applies for an eligible person; the reasons computed today are kept with the application. The applicant is
     * the payee: for the childcare subsidy a parent or guardian of the child (given by id or ID number), for the
     * other programmes the beneficiary themself.
     */
    @Transactional
    public Application apply(long programmeId, long beneficiaryId, Long applicantId, String applicantIdNumber,
                             String bankAccount) {
        CurrentUser user = access.require(Permission.MANAGE_SUPPORT);
        Programme p = programme(programmeId);
        AreaCondition in = user.scope().on("p.village_code", "p.grid_code");
        Map<String, Object> params = new HashMap<>(in.params());
        params.put("beneficiary", beneficiaryId);
        String sql = eligibleSql(p.rule(), Dates.today(), params) + " and p.person_id = :beneficiary and " + in.sql();
        Eligible e = jdbc.sql(sql).params(params).query(AllowanceService::eligible).optional()
                .orElseThrow(() -> new ValidationException(List.of(messages.problem("beneficiaryId", "notEligible", p.name()))));
        long applicant = "CHILD_UNDER_3".equals(p.rule()) ? guardian(beneficiaryId, applicantId, applicantIdNumber) : beneficiaryId;
        if (bankAccount == null || !bankAccount.replace(" ", "").matches("\\d{10,30}")) {
            throw new ValidationException(List.of(messages.problem("bankAccount", "bankAccount")));
        }
        try {
            long id = jdbc.sql("""
                    insert into allowance_application (programme_id, beneficiary_id, applicant_id, village_code, state, reasons,
                        bank_account, applied_on, urban) values (?, ?, ?, ?, 'APPLIED', ?, ?, ?, ?) returning id""")
                    .params(programmeId, beneficiaryId, applicant, e.villageCode(), e.reasons(), bankAccount.replace(" ", ""),
                            Dates.today(), urban(e.villageCode())).query(Long.class).single();
            audit.record(AuditAction.CREATE, "person", String.valueOf(beneficiaryId), "allowance application " + p.code());
            return application(id);
        } catch (DuplicateKeyException dup) {
            throw new ConflictException(messages.get("problem.alreadyApplied"));
        }
    }

    /**
     * The applicant for a child: a person of the register with an ID number (the bank pays to it), alive and here,
     * who is the child's mother or an adult of the child's household (a parent or guardian).
     */
    private long guardian(long childId, Long applicantId, String applicantIdNumber) {
        Long id = applicantId;
        if (id == null && applicantIdNumber != null && !applicantIdNumber.isBlank()) {
            String number = IdNumber.parse(applicantIdNumber).normalized();
            id = persons.findIdByIdNumber(number).orElseThrow(() -> new ValidationException(
                    List.of(messages.problem("applicantIdNumber", "applicantUnknown", applicantIdNumber.trim()))));
        }
        if (id == null) {
            throw new ValidationException(List.of(messages.problem("applicantIdNumber", "applicantRequired")));
        }
        Person child = persons.get(childId);
        Person applicant;
        try {
            applicant = persons.get(id);
        } catch (NotFoundException e) {
            throw new ValidationException(List.of(messages.problem("applicantId", "applicantUnknown", id)));
        }
        boolean mother = applicant.id() == (child.motherId() == null ? -1 : child.motherId());
        boolean household = child.householdId() != null && child.householdId().equals(applicant.householdId())
                && Dates.age(applicant.birthDate(), Dates.today()) >= 18;
        boolean here = applicant.status() != PersonStatus.DECEASED && applicant.status() != PersonStatus.MOVED_AWAY;
        if (applicant.id() == childId || !(mother || household) || !here) {
            throw new ValidationException(List.of(messages.problem("applicantId", "applicantNotGuardian", applicant.name())));
        }
        if (applicant.idNumber() == null) {
            throw new ValidationException(List.of(messages.problem("applicantId", "applicantIdNumber", applicant.name())));
        }
        return applicant.id();
    }

    /** Review (by a cadre or the town office), then approval by the town office — never by the reviewer. */
    @Transactional
    public Application decide(long applicationId, String decision, String note) {
        CurrentUser user = "approve".equals(decision) ? access.require(Permission.TOWN_OFFICE) : access.require(Permission.MANAGE_SUPPORT);
        Application a = application(applicationId);
        if (!user.scope().contains(a.villageCode())) {
            throw new NotFoundException("application " + applicationId);
        }
        String from = "review".equals(decision) ? "APPLIED" : "approve".equals(decision) ? "REVIEWED" : null;
        if (from != null && !a.state().equals(from) || "reject".equals(decision) && a.state().equals("APPROVED")) {
            throw new ConflictException(messages.get("problem.applicationState", a.state()));
        }
        if ("approve".equals(decision) && user.username().equals(a.reviewedBy())) {
            throw new AccessDeniedException("the reviewer may not approve the same application");
        }
        switch (decision) {
            case "review" -> jdbc.sql("update allowance_application set state = 'REVIEWED', reviewed_by = ?, note = ? where id = ?")
                    .params(user.username(), note, applicationId).update();
            case "approve" -> jdbc.sql("update allowance_application set state = 'APPROVED', approved_by = ?, note = coalesce(?, note) where id = ?")
                    .params(user.username(), note, applicationId).update();
            case "reject" -> jdbc.sql("update allowance_application set state = 'REJECTED', note = ? where id = ?")
                    .params(note, applicationId).update();
            default -> throw new NotFoundException("decision " + decision);
        }
        audit.record(AuditAction.UPDATE, "allowance_application", String.valueOf(applicationId),
                decision + (note == null ? "" : ": " + note));
        return application(applicationId);
    }

    public List<Application> applications(long programmeId) {
        CurrentUser user = access.require(Permission.READ_SUPPORT);
        AreaCondition in = user.scope().on("a.village_code", "null");
        return jdbc.sql(APPLICATIONS + " where a.programme_id = :programme and " + in.sql() + " order by a.id desc limit 1000")
                .param("programme", programmeId).params(in.params()).query(AllowanceService::application).list();
    }

    private static final String APPLICATIONS = """
            select a.*, p.name, p.id_number, q.name as applicant_name, q.id_number as applicant_id_number
            from allowance_application a
            left join lateral (select name, id_number from people_on(current_date) x where x.person_id = a.beneficiary_id) p on true
            left join lateral (select name, id_number from people_on(current_date) x where x.person_id = a.applicant_id) q on true""";

    private Application application(long id) {
        return jdbc.sql(APPLICATIONS + " where a.id = ?").param(id).query(AllowanceService::application).optional()
                .orElseThrow(() -> new NotFoundException("application " + id));
    }

    /**
     * Pays every approved beneficiary for each month of the range they are due and were not yet paid for; a
     * batch with nothing new to pay is refused, so a re-run changes nothing.
     */
    @Transactional
    public PaymentBatch createBatch(long programmeId, LocalDate firstMonth, LocalDate lastMonth) {
        CurrentUser user = access.require(Permission.TOWN_OFFICE);
        Programme p = programme(programmeId);
        if (firstMonth == null || lastMonth == null || lastMonth.isBefore(firstMonth)) {
            throw new ValidationException(List.of(messages.problem("lastMonth", "notBeforeStart")));
        }
        if (lastMonth.withDayOfMonth(1).isAfter(Dates.today())) {
            throw new ValidationException(List.of(messages.problem("lastMonth", "notFuture")));
        }
        LocalDate first = firstMonth.withDayOfMonth(1);
        LocalDate last = lastMonth.withDayOfMonth(1);
        long batch = jdbc.sql("insert into payment_batch (programme_id, first_month, last_month, created_by) values (?, ?, ?, ?) returning id")
                .params(programmeId, first, last, user.username()).query(Long.class).single();
        String due = switch (p.rule()) {
            case "CHILD_UNDER_3" -> "m.month >= date_trunc('month', b.birth_date) and m.month < date_trunc('month', b.birth_date) + interval '36 months'";
            case "PARENT_60_ONE_CHILD" -> "m.month > b.birth_date + interval '60 years'";
            default -> "m.month > b.birth_date + interval '49 years'";
        };
        int lines = jdbc.sql("""
                insert into payment_line (batch_id, programme_id, application_id, beneficiary_id, month, amount_fen)
                select ?, a.programme_id, a.id, a.beneficiary_id, m.month,
                       case when a.urban and r.urban_amount_fen is not null then r.urban_amount_fen else r.amount_fen end
                from allowance_application a
                join allowance_programme r on r.id = a.programme_id
                join people_on(current_date) b on b.person_id = a.beneficiary_id and b.status in ('REGISTERED', 'OUTFLOW')
                cross join lateral (select generate_series(?::date, ?::date, interval '1 month')::date as month) m
                where a.programme_id = ? and a.state = 'APPROVED' and a.applicant_id is not null
                  and m.month >= date_trunc('month', r.valid_from)
                  and (r.valid_to is null or m.month < r.valid_to) and\s""" + due
                        + " on conflict (programme_id, beneficiary_id, month) do nothing")
                .params(batch, first, last, programmeId).update();
        if (lines == 0) {
            throw new ValidationException(List.of(messages.problem("firstMonth", "nothingToPay")));
        }
        audit.recordWorded(AuditAction.CREATE, "payment_batch", String.valueOf(batch), "audit.detail.paymentBatch", p.name(),
                String.valueOf(first), String.valueOf(last), lines);
        return batch(batch);
    }

    public List<PaymentBatch> batches(long programmeId) {
        access.require(Permission.TOWN_OFFICE);
        return jdbc.sql(BATCHES + " where b.programme_id = ? group by b.id order by b.id desc").param(programmeId)
                .query(AllowanceService::batch).list();
    }

    private static final String BATCHES = """
            select b.*, count(distinct l.beneficiary_id) as beneficiaries, count(l.month) as lines,
                   coalesce(sum(l.amount_fen), 0) as total from payment_batch b left join payment_line l on l.batch_id = b.id""";

    public PaymentBatch batch(long id) {
        access.require(Permission.TOWN_OFFICE);
        return jdbc.sql(BATCHES + " where b.id = ? group by b.id").param(id).query(AllowanceService::batch).optional()
                .orElseThrow(() -> new NotFoundException("batch " + id));
    }

    /**
     * The bank file of a batch (CSV): one line per application, paid to the applicant (for a child, the parent or
     * guardian who applied) with their name, whole ID number and account (audited).
     */
    public byte[] bankFile(long batchId) {
        access.require(Permission.TOWN_OFFICE);
        List<String[]> rows = new ArrayList<>();
        jdbc.sql("""
                select p.name, p.id_number, a.bank_account, count(*), sum(l.amount_fen), min(l.month), max(l.month)
                from payment_line l join allowance_application a on a.id = l.application_id
                left join lateral (select name, id_number from people_on(current_date) x where x.person_id = a.applicant_id) p on true
                where l.batch_id = ? group by p.name, p.id_number, a.bank_account, a.id order by p.name, a.id""")
                .param(batchId).query(rs -> {
                    rows.add(new String[]{String.valueOf(rows.size() + 1), rs.getString(1), rs.getString(2), rs.getString(3),
                            Money.yuan(rs.getLong(5)).toPlainString(), String.valueOf(rs.getLong(4)),
                            rs.getObject(6, LocalDate.class).toString().substring(0, 7) + "～"
                                    + rs.getObject(7, LocalDate.class).toString().substring(0, 7)});
                });
        audit.record(AuditAction.EXPORT, "payment_batch", String.valueOf(batchId), "bank file, " + rows.size() + " lines");
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Csv.write(out, new String[]{"序号", "姓名", "身份证号", "银行账号", "金额（元）", "月数", "月份"}, rows);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A community (社区) counts as urban for the amounts that differ. */
    private boolean urban(String villageCode) {
        return areas.find(villageCode).map(a -> a.kind() == Area.Kind.COMMUNITY).orElse(false);
    }

    private static Eligible eligible(ResultSet rs, int i) throws SQLException {
        return new Eligible(rs.getLong(1), rs.getString(2), IdNumber.mask(rs.getString(3)), rs.getString(4),
                rs.getObject(5, LocalDate.class), rs.getString(6));
    }

    private static Application application(ResultSet rs, int i) throws SQLException {
        return new Application(rs.getLong("id"), rs.getLong("programme_id"), rs.getLong("beneficiary_id"),
                (Long) rs.getObject("applicant_id"), rs.getString("name"), IdNumber.mask(rs.getString("id_number")),
                rs.getString("village_code"), rs.getString("state"), rs.getString("reasons"),
                rs.getObject("applied_on", LocalDate.class), rs.getString("reviewed_by"), rs.getString("approved_by"),
                rs.getString("note"), rs.getString("applicant_name"), IdNumber.mask(rs.getString("applicant_id_number")));
    }

    private static PaymentBatch batch(ResultSet rs, int i) throws SQLException {
        return new PaymentBatch(rs.getLong("id"), rs.getLong("programme_id"), rs.getObject("first_month", LocalDate.class),
                rs.getObject("last_month", LocalDate.class), rs.getLong("beneficiaries"), rs.getLong("lines"),
                rs.getLong("total"), rs.getString("created_by"));
    }
}
