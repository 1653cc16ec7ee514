package org.renkou.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.common.AreaCondition;
import org.renkou.common.Dates;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.PageResult;
import org.renkou.common.ReportPeriod;
import org.renkou.common.TextLimits;
import org.renkou.common.ValidationException;
import org.renkou.people.Household;
import org.renkou.people.PersonService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Families in difficulty and the visits to households with cash and goods, with totals by period, area and giver. */
@Service
public class SupportService {
    static final List<String> GIVERS = List.of("TOWN", "ASSOCIATION");
    static final int MAX_PAGE_SIZE = 1000;
    private static final String FAMILY_SELECT = "select * from difficult_family f";

    private final JdbcClient jdbc;
    private final PersonService persons;
    private final AccessService access;
    private final AuditService audit;
    private final Messages messages;

    SupportService(JdbcClient jdbc, PersonService persons, AccessService access, AuditService audit, Messages messages) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
    }

    @Transactional
    public Family registerFamily(long householdId, String reason, String liaison1, String liaison2, LocalDate on) {
        CurrentUser user = access.require(Permission.MANAGE_SUPPORT);
        Household h = persons.household(householdId);
        List<FieldProblem> problems = new ArrayList<>();
        require(problems, "reason", reason);
        require(problems, "liaison1", liaison1);
        require(problems, "liaison2", liaison2);
        TextLimits.check(messages, problems, "reason", reason, TextLimits.SHORT_TEXT);
        TextLimits.check(messages, problems, "liaison1", liaison1, TextLimits.NAME);
        TextLimits.check(messages, problems, "liaison2", liaison2, TextLimits.NAME);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = jdbc.sql("""
                insert into difficult_family (household_id, village_code, reason, liaison1, liaison2, registered_on, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(householdId, h.villageCode(), reason.trim(), liaison1.trim(), liaison2.trim(),
                        on != null ? on : Dates.today(), user.username()).query(Long.class).single();
        audit.record(AuditAction.UPDATE, "household", String.valueOf(householdId), "family in difficulty: " + reason);
        return jdbc.sql(FAMILY_SELECT + " where f.id = ?").param(id).query((rs, i) -> familyOf(rs)).single();
    }

    /** One page of the families in difficulty of the user's area (and {@code area}), by village, with the true total. */
    public PageResult<Family> families(String area, int page, int size) {
        CurrentUser user = access.require(Permission.READ_SUPPORT);
        AreaCondition in = user.scope().on("f.village_code", "null").within(area);
        return page(FAMILY_SELECT + " where " + in.sql(), "f.village_code, f.id", in.params(), page, size,
                (rs, i) -> familyOf(rs));
    }

    /** Records a visit; the cash is exact to the fen, every goods line needs an item, a positive quantity and a unit. */
    @Transactional
    public Visit recordVisit(VisitForm f) {
        CurrentUser user = access.require(Permission.MANAGE_SUPPORT);
        List<FieldProblem> problems = new ArrayList<>();
        if (f.householdId() == null) {
            problems.add(messages.problem("householdId", "required"));
        }
        if (f.visitedOn() == null) {
            problems.add(messages.problem("visitedOn", "required"));
        } else if (f.visitedOn().isAfter(Dates.today())) {
            problems.add(messages.problem("visitedOn", "notFuture"));
        }
        if (f.giver() == null || !GIVERS.contains(f.giver())) {
            problems.add(messages.problem("giver", "required"));
        }
        require(problems, "giverName", f.giverName());
        TextLimits.check(messages, problems, "giverName", f.giverName(), TextLimits.SHORT_TEXT);
        TextLimits.check(messages, problems, "note", f.note(), TextLimits.NOTE);
        Long fen = Money.fen(f.cashYuan());
        if (fen == null) {
            problems.add(messages.problem("cashYuan", "money", f.cashYuan()));
        }
        List<Visit.Goods> goods = f.goods() == null ? List.of() : f.goods().stream()
                .filter(g -> g.item() != null && !g.item().isBlank() || g.quantity() != null).toList();
        for (Visit.Goods g : goods) {
            if (g.item() == null || g.item().isBlank() || g.quantity() == null || g.quantity().signum() <= 0
                    || g.unit() == null || g.unit().isBlank()) {
                problems.add(messages.problem("goods", "goodsLine", g.item() == null ? "" : g.item()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Household h = persons.household(f.householdId());
        long id = jdbc.sql("""
                insert into support_visit (household_id, family_id, village_code, visited_on, giver, giver_name, cash_fen,
                    note, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(f.householdId(), f.familyId(), h.villageCode(), f.visitedOn(), f.giver(), f.giverName().trim(), fen,
                        f.note(), user.username()).query(Long.class).single();
        Map<String, Visit.Goods> merged = new LinkedHashMap<>();
        goods.forEach(g -> merged.merge(SupportIndicators.itemName(g.item()),
                new Visit.Goods(SupportIndicators.itemName(g.item()), g.quantity(), g.unit().trim()),
                (a, b) -> new Visit.Goods(a.item(), a.quantity().add(b.quantity()), a.unit())));
        for (Visit.Goods g : merged.values()) {
            jdbc.sql("insert into support_visit_goods (visit_id, item, quantity, unit) values (?, ?, ?, ?)")
                    .params(id, g.item(), g.quantity(), g.unit()).update();
        }
        audit.record(AuditAction.CREATE, "household", String.valueOf(f.householdId()), Money.yuan(fen) + " 元");
        return visit(id);
    }

    /** One page of the visits of the period in the user's area (and {@code area}), newest first, with the true total. */
    public PageResult<Visit> visits(String area, ReportPeriod period, int page, int size) {
        CurrentUser user = access.require(Permission.READ_SUPPORT);
        AreaCondition in = user.scope().on("v.village_code", "null").within(area);
        Map<String, Object> params = new HashMap<>(in.params());
        params.put("from", period.from());
        params.put("to", period.to());
        return page("select * from support_visit v where v.visited_on between :from and :to and " + in.sql(),
                "v.visited_on desc, v.id desc", params, page, size, (rs, n) -> visitOf(rs));
    }

    private <T> PageResult<T> page(String select, String order, Map<String, Object> params, int page, int size,
                                   RowMapper<T> rows) {
        int s = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        int p = Math.max(page, 0);
        long total = jdbc.sql("select count(*) from (" + select + ") counted").params(params).query(Long.class).single();
        return new PageResult<>(jdbc.sql(select + " order by " + order + " limit :pageSize offset :pageOffset")
                .params(params).param("pageSize", s).param("pageOffset", (long) p * s).query(rows).list(), total, p, s);
    }

    private static Family familyOf(ResultSet rs) throws SQLException {
        return new Family(rs.getLong("id"), rs.getLong("household_id"), rs.getString("village_code"), rs.getString("reason"),
                rs.getString("liaison1"), rs.getString("liaison2"), rs.getObject("registered_on", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class));
    }

    /** Totals by giver for the period and area: visits, households, cash, goods per item. */
    public List<SupportTotals> totals(String area, ReportPeriod period) {
        CurrentUser user = access.require(Permission.READ_SUPPORT);
        List<SupportTotals> out = new ArrayList<>();
        AreaCondition in = user.scope().on("v.village_code", "null").within(area);
        String where = " where v.giver = :giver and v.visited_on between :from and :to and " + in.sql();
        for (String giver : GIVERS) {
            Map<String, Object> params = new HashMap<>(in.params());
            params.putAll(Map.of("giver", giver, "from", period.from(), "to", period.to()));
            long[] sums = jdbc.sql("select count(*), count(distinct v.household_id), coalesce(sum(v.cash_fen), 0) from support_visit v" + where)
                    .params(params).query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
            List<Visit.Goods> goods = jdbc.sql("select g.item, sum(g.quantity), min(g.unit) from support_visit v"
                            + " join support_visit_goods g on g.visit_id = v.id" + where + " group by g.item order by 2 desc")
                    .params(params).query((rs, i) -> new Visit.Goods(rs.getString(1), rs.getBigDecimal(2), rs.getString(3))).list();
            out.add(new SupportTotals(giver, sums[0], sums[1], sums[2], goods));
        }
        return out;
    }

    private Visit visit(long id) {
        return jdbc.sql("select * from support_visit v where id = ?").param(id).query((rs, n) -> visitOf(rs)).single();
    }

    private Visit visitOf(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<Visit.Goods> goods = jdbc.sql("select item, quantity, unit from support_visit_goods where visit_id = ? order by item")
                .param(id).query((g, i) -> new Visit.Goods(g.getString(1), g.getBigDecimal(2), g.getString(3))).list();
        return new Visit(id, rs.getLong("household_id"), (Long) rs.getObject("family_id"), rs.getString("village_code"),
                rs.getObject("visited_on", LocalDate.class), rs.getString("giver"), rs.getString("giver_name"),
                rs.getLong("cash_fen"), rs.getString("note"), goods);
    }

    private void require(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(messages.problem(field, "required"));
        }
    }

}
