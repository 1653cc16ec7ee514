package org.renkou.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.area.AreaService;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.ReportPeriod;
import org.renkou.common.ValidationException;
import org.renkou.stats.AreaFilter;
import org.renkou.stats.Fraction;
import org.renkou.stats.Indicator;
import org.renkou.stats.IndicatorSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verification rounds of the register (核查): coverage (覆盖率) = persons found on the ground who are in the
 * register / persons found; accuracy (准确率) = records checked and found correct / records checked. The
 * figures come from these rounds, never from the register alone.
 */
@Service
public class RegisterChecks implements IndicatorSource {
    public record Round(long id, String areaCode, LocalDate checkedOn, int found, int inRegister, int recordsChecked,
                        int recordsCorrect, String note) {
    }

    private final JdbcClient jdbc;
    private final AccessService access;
    private final AuditService audit;
    private final AreaService areas;
    private final Messages messages;

    RegisterChecks(JdbcClient jdbc, AccessService access, AuditService audit, AreaService areas, Messages messages) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.areas = areas;
        this.messages = messages;
    }

    @Transactional
    public Round record(String areaCode, LocalDate checkedOn, int found, int inRegister, int checked, int correct, String note) {
        var user = access.require(Permission.WRITE_REGISTER);
        List<FieldProblem> problems = new ArrayList<>();
        if (areaCode == null || areas.find(areaCode).isEmpty()) {
            problems.add(messages.problem("areaCode", "areaUnknown", areaCode));
        } else if (!user.scope().contains(areaCode)) {
            problems.add(messages.problem("areaCode", "areaScope", areaCode));
        }
        if (checkedOn == null) {
            problems.add(messages.problem("checkedOn", "required"));
        }
        if (found <= 0 || inRegister < 0 || inRegister > found) {
            problems.add(messages.problem("inRegister", "withinSample"));
        }
        if (checked <= 0 || correct < 0 || correct > checked) {
            problems.add(messages.problem("recordsCorrect", "withinSample"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = jdbc.sql("""
                insert into register_check_round (area_code, checked_on, found, in_register, records_checked, records_correct,
                    note, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(areaCode, checkedOn, found, inRegister, checked, correct, note, user.username()).query(Long.class).single();
        audit.record(AuditAction.CREATE, "register_check", areaCode, inRegister + "/" + found + ", " + correct + "/" + checked);
        return new Round(id, areaCode, checkedOn, found, inRegister, checked, correct, note);
    }

    public List<Round> rounds() {
        return jdbc.sql("select * from register_check_round order by checked_on desc, id desc limit 200")
                .query((rs, i) -> new Round(rs.getLong("id"), rs.getString("area_code"), rs.getObject("checked_on", LocalDate.class),
                        rs.getInt("found"), rs.getInt("in_register"), rs.getInt("records_checked"), rs.getInt("records_correct"),
                        rs.getString("note"))).list();
    }

    @Override
    public List<Indicator> catalogue() {
        return List.of(Indicator.percent("REGISTER_COVERAGE", "全员人口个案覆盖率", "Register coverage",
                        "期内核查中实有人口已在个案库的 / 核查到的实有人口"),
                Indicator.percent("REGISTER_ACCURACY", "全员人口个案准确率", "Register accuracy",
                        "期内核查的个案中信息准确的 / 核查的个案"));
    }

    @Override
    public Map<String, Map<String, Fraction>> compute(Set<String> codes, String area, ReportPeriod period, LocalDate asOf) {
        Map<String, Map<String, Fraction>> out = new HashMap<>();
        List<Object> params = new ArrayList<>(List.of(period.from(), period.to()));
        jdbc.sql("select area_code, sum(in_register), sum(found), sum(records_correct), sum(records_checked)"
                        + " from register_check_round where checked_on between ? and ? and "
                        + AreaFilter.sql(area, "area_code", "area_code", params) + " group by 1").params(params)
                .query(rs -> {
                    Map<String, Fraction> v = out.computeIfAbsent(rs.getString(1), k -> new HashMap<>());
                    v.put("REGISTER_COVERAGE", Fraction.of(rs.getLong(2), rs.getLong(3)));
                    v.put("REGISTER_ACCURACY", Fraction.of(rs.getLong(4), rs.getLong(5)));
                });
        return out;
    }
}
