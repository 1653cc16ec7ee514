package org.renkou.health;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.common.AreaCondition;
import org.renkou.common.Dates;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.common.ReportPeriod;
import org.renkou.common.ValidationException;
import org.renkou.people.Person;
import org.renkou.people.PersonForm;
import org.renkou.people.PersonService;
import org.renkou.people.PersonStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Births and a mother's children (with Hunan's birth order, 孩次), permits for another child (再生育审批), and
 * the birth policy as dated rule sets. Whether a birth complied is decided in one place, the database view
 * {@code birth_compliance}, which pages, previews and indicators all read.
 */
@Service
public class BirthService {
    private static final String SELECT = """
            select b.*, c.compliant, c.rule_set, c.reason, k.name as child_name
            from birth b left join birth_compliance c on c.birth_id = b.id left join lateral (
                select name from people_on(current_date) k where k.person_id = b.child_id) k on true""";

    /** A birth whose classification a rule change would alter. */
    public record Reclassified(long birthId, LocalDate birthDate, int birthOrder, boolean compliantBefore,
                               boolean compliantAfter, String reasonAfter) {
    }

    private final JdbcClient jdbc;
    private final PersonService persons;
    private final AccessService access;
    private final AuditService audit;
    private final Messages messages;
    private final TransactionTemplate tx;

    BirthService(JdbcClient jdbc, PersonService persons, AccessService access, AuditService audit, Messages messages,
                 PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
        this.tx = new TransactionTemplate(txManager);
    }

    List<Birth> children(long motherId) {
        return jdbc.sql(SELECT + " where b.mother_id = ? order by b.birth_date, b.id").param(motherId)
                .query(BirthService::birth).list();
    }

    List<BirthPermit> permits(long motherId) {
        return jdbc.sql("select * from birth_permit where mother_id = ? order by approved_on").param(motherId)
                .query((rs, n) -> new BirthPermit(rs.getLong("id"), rs.getLong("mother_id"),
                        (Long) rs.getObject("father_id"), rs.getObject("approved_on", LocalDate.class),
                        rs.getString("reason"))).list();
    }

    /** Births in an area the user may see, in a period, with their classification. */
    public List<Birth> births(String area, ReportPeriod period) {
        CurrentUser user = access.require(Permission.READ_HEALTH);
        AreaCondition in = user.scope().on("b.area_code", "b.grid_code").within(area);
        return jdbc.sql(SELECT + " where not b.adopted and b.birth_date between :from and :to and " + in.sql()
                        + " order by b.birth_date, b.id limit 2000")
                .param("from", period.from()).param("to", period.to()).params(in.params())
                .query(BirthService::birth).list();
    }

    /**
     * Records a child of the mother. A live birth here is entered in the register in her household (an ID
     * number may follow later) and closes her open pregnancy.
     */
    @Transactional
    public Birth recordBirth(long motherId, BirthForm f) {
        CurrentUser user = access.require(Permission.WRITE_HEALTH);
        Person mother = persons.get(motherId);
        validate(mother, f);
        List<BirthOrder.EarlierChild> earlier = children(motherId).stream()
                .map(c -> new BirthOrder.EarlierChild(c.birthDate(), c.formerMarriage(), c.adopted(), c.diedOn())).toList();
        int order = BirthOrder.of(f.birthDate(), earlier);
        Long childId = f.isRegisterChild() ? registerChild(mother, f).id() : null;
        long id = jdbc.sql("""
                insert into birth (mother_id, child_id, father_id, father_name, sex, birth_date, place, area_code, grid_code,
                    birth_order, former_marriage, adopted, died_on, registered_on, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(motherId, childId, f.fatherId(), WomenService.blankToNull(f.fatherName()), f.sex(), f.birthDate(),
                        WomenService.blankToNull(f.place()), mother.villageCode(), mother.gridCode(), order,
                        f.isFormerMarriage(), f.isAdopted(), f.diedOn(), f.registeredOn(), user.username())
                .query(Long.class).single();
        if (f.isRegisterChild()) {
            jdbc.sql("update pregnancy set outcome = 'LIVE_BIRTH', outcome_on = ? where person_id = ? and outcome is null"
                    + " and detected_on <= ?").params(f.birthDate(), motherId, f.birthDate()).update();
        }
        audit.record(AuditAction.CREATE, "person", String.valueOf(motherId), "birth, order " + order);
        return find(id);
    }

    /** 再生育审批: approval for the couple to have one more child. */
    @Transactional
    public BirthPermit recordPermit(long motherId, LocalDate approvedOn, String reason) {
        CurrentUser user = access.require(Permission.WRITE_HEALTH);
        Person mother = persons.get(motherId);
        if (approvedOn == null || approvedOn.isAfter(Dates.today()) || approvedOn.isBefore(mother.birthDate())) {
            throw new ValidationException(List.of(messages.problem("approvedOn", approvedOn == null ? "required" : "notFuture")));
        }
        long id = jdbc.sql("insert into birth_permit (mother_id, approved_on, reason, recorded_by) values (?, ?, ?, ?) returning id")
                .params(motherId, approvedOn, WomenService.blankToNull(reason), user.username()).query(Long.class).single();
        audit.record(AuditAction.CREATE, "person", String.valueOf(motherId), "birth permit");
        return permits(motherId).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    public List<PolicyRuleSet> ruleSets() {
        return jdbc.sql("select * from policy_rule_set order by valid_from, length(region_prefix), id")
                .query(BirthService::ruleSet).list();
    }

    /** Adds (no id) or changes a rule set; administrators only. */
    @Transactional
    public PolicyRuleSet saveRuleSet(PolicyRuleSet r) {
        access.require(Permission.ADMINISTER);
        validate(r);
        long id = apply(r);
        audit.record(AuditAction.CREATE, "policy_rule_set", String.valueOf(id), r.name());
        return ruleSets().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    /** What saving this rule set would reclassify: computed by the real rules, then rolled back. */
    public List<Reclassified> preview(PolicyRuleSet r) {
        access.require(Permission.ADMINISTER);
        validate(r);
        return tx.execute(status -> {
            Map<Long, Boolean> before = classification();
            apply(r);
            List<Reclassified> changed = new ArrayList<>();
            jdbc.sql("select b.id, b.birth_date, b.birth_order, c.compliant, c.reason from birth b"
                    + " join birth_compliance c on c.birth_id = b.id order by b.birth_date").query(rs -> {
                boolean after = rs.getBoolean("compliant");
                Boolean was = before.get(rs.getLong("id"));
                if (was != null && was != after) {
                    changed.add(new Reclassified(rs.getLong("id"), rs.getObject("birth_date", LocalDate.class),
                            rs.getInt("birth_order"), was, after, rs.getString("reason")));
                }
            });
            status.setRollbackOnly();
            return changed;
        });
    }

    private Map<Long, Boolean> classification() {
        Map<Long, Boolean> m = new HashMap<>();
        jdbc.sql("select birth_id, compliant from birth_compliance").query(rs -> {
            m.put(rs.getLong(1), rs.getBoolean(2));
        });
        return m;
    }

    private long apply(PolicyRuleSet r) {
        if (r.id() == null) {
            return jdbc.sql("""
                    insert into policy_rule_set (name, region_prefix, valid_from, valid_to, max_children, permit_allows_more, note)
                    values (?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(r.name().trim(), Objects.toString(r.regionPrefix(), "").trim(), r.validFrom(), r.validTo(),
                            r.maxChildren(), r.allowsMoreWithPermit(), r.note()).query(Long.class).single();
        }
        int n = jdbc.sql("""
                update policy_rule_set set name = ?, region_prefix = ?, valid_from = ?, valid_to = ?, max_children = ?,
                    permit_allows_more = ?, note = ? where id = ?""")
                .params(r.name().trim(), Objects.toString(r.regionPrefix(), "").trim(), r.validFrom(), r.validTo(),
                        r.maxChildren(), r.allowsMoreWithPermit(), r.note(), r.id()).update();
        if (n == 0) {
            throw new NotFoundException("rule set " + r.id());
        }
        return r.id();
    }

    private void validate(PolicyRuleSet r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.name() == null || r.name().isBlank()) {
            problems.add(messages.problem("name", "required"));
        }
        if (r.regionPrefix() != null && !r.regionPrefix().trim().matches("\\d{0,12}")) {
            problems.add(messages.problem("regionPrefix", "regionPrefix"));
        }
        if (r.validFrom() == null) {
            problems.add(messages.problem("validFrom", "required"));
        } else if (r.validTo() != null && !r.validTo().isAfter(r.validFrom())) {
            problems.add(messages.problem("validTo", "afterValidFrom"));
        }
        if (r.maxChildren() != null && r.maxChildren() < 1) {
            problems.add(messages.problem("maxChildren", "positive"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private void validate(Person mother, BirthForm f) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!"2".equals(mother.sex())) {
            problems.add(messages.problem("personId", "womanOnly"));
        }
        if (!"1".equals(f.sex()) && !"2".equals(f.sex())) {
            problems.add(messages.problem("sex", "required"));
        }
        if (f.birthDate() == null) {
            problems.add(messages.problem("birthDate", "required"));
        } else if (f.birthDate().isAfter(Dates.today())) {
            problems.add(messages.problem("birthDate", "notFuture"));
        } else if (f.birthDate().isBefore(mother.birthDate().plusYears(12))) {
            problems.add(messages.problem("birthDate", "motherTooYoung"));
        }
        if (f.isRegisterChild() && (f.childName() == null || f.childName().isBlank())) {
            problems.add(messages.problem("childName", "required"));
        }
        if (f.isRegisterChild() && (f.isAdopted() || f.diedOn() != null)) {
            problems.add(messages.problem("registerChild", "liveBirthOnly"));
        }
        if (f.diedOn() != null && f.birthDate() != null && f.diedOn().isBefore(f.birthDate())) {
            problems.add(messages.problem("diedOn", "beforeBirth"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /** Enters the newborn in the register: the mother's household, village, residence status and hukou place. */
    private Person registerChild(Person mother, BirthForm f) {
        String relation = List.of("02", "10", "12").contains(mother.relation()) ? ("1".equals(f.sex()) ? "20" : "30")
                : "1".equals(f.sex()) ? "41" : "42";
        PersonStatus status = mother.status() == PersonStatus.INFLOW ? PersonStatus.INFLOW : PersonStatus.REGISTERED;
        return persons.registerNewborn(new PersonForm(WomenService.blankToNull(f.childIdNumber()), false, f.childName().trim(),
                f.sex(), f.birthDate(), mother.ethnicity(), "10", null, mother.householdNo(), relation,
                mother.hukouCode(), mother.villageCode(), mother.gridCode(), status,
                status == PersonStatus.INFLOW ? f.birthDate() : null, null, null, null, null, null, mother.address(),
                mother.id(), null));
    }

    private Birth find(long id) {
        return jdbc.sql(SELECT + " where b.id = ?").param(id).query(BirthService::birth).single();
    }

    private static Birth birth(ResultSet rs, int n) throws SQLException {
        return new Birth(rs.getLong("id"), rs.getLong("mother_id"), (Long) rs.getObject("child_id"),
                (Long) rs.getObject("father_id"), rs.getString("father_name"), rs.getString("child_name"),
                rs.getString("sex"), rs.getObject("birth_date", LocalDate.class), rs.getString("place"),
                rs.getString("area_code"), rs.getInt("birth_order"), rs.getBoolean("former_marriage"),
                rs.getBoolean("adopted"), rs.getObject("died_on", LocalDate.class),
                rs.getObject("registered_on", LocalDate.class), (Boolean) rs.getObject("compliant"),
                rs.getString("rule_set"), rs.getString("reason"));
    }

    private static PolicyRuleSet ruleSet(ResultSet rs, int n) throws SQLException {
        return new PolicyRuleSet(rs.getLong("id"), rs.getString("name"), rs.getString("region_prefix"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                (Integer) rs.getObject("max_children"), rs.getBoolean("permit_allows_more"), rs.getString("note"));
    }
}
