package org.renkou.supplies;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.area.AreaService;
import org.renkou.common.Dates;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.common.ValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Distribution points, their stock as a ledger, and surveys. A movement changes the balance in one guarded
 * statement, so two issues at the same moment can never take the balance below zero.
 */
@Service
public class SupplyService {
    static final List<String> KINDS = List.of("MARKET", "COMMUNITY", "ENTERPRISE", "BUILDING_SITE", "CLINIC");

    private final JdbcClient jdbc;
    private final AccessService access;
    private final AuditService audit;
    private final AreaService areas;
    private final Messages messages;

    SupplyService(JdbcClient jdbc, AccessService access, AuditService audit, AreaService areas, Messages messages) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.areas = areas;
        this.messages = messages;
    }

    /** The distribution points: public (the portal lists them), unlike their stock and ledgers. */
    public List<SupplyPoint> points() {
        return jdbc.sql("select * from supply_point order by village_code, id").query((rs, i) -> new SupplyPoint(rs.getLong("id"),
                rs.getString("name"), rs.getString("kind"), rs.getString("village_code"), rs.getString("keeper"),
                rs.getString("opening"), rs.getBoolean("active"))).list();
    }

    @Transactional
    public SupplyPoint addPoint(String name, String kind, String villageCode, String keeper, String opening) {
        access.require(Permission.TOWN_OFFICE);
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(messages.problem("name", "required"));
        }
        if (kind == null || !KINDS.contains(kind)) {
            problems.add(messages.problem("kind", "required"));
        }
        if (villageCode == null || areas.find(villageCode).isEmpty()) {
            problems.add(messages.problem("villageCode", "areaUnknown", villageCode));
        }
        if (keeper == null || keeper.isBlank()) {
            problems.add(messages.problem("keeper", "required"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = jdbc.sql("insert into supply_point (name, kind, village_code, keeper, opening) values (?, ?, ?, ?, ?) returning id")
                .params(name.trim(), kind, villageCode, keeper.trim(), opening).query(Long.class).single();
        audit.record(AuditAction.CREATE, "supply_point", String.valueOf(id), name);
        return points().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    public record Item(long id, String name, String unit, int lowStock) {
    }

    public List<Item> items() {
        return jdbc.sql("select * from supply_item order by id").query((rs, i) -> new Item(rs.getLong("id"), rs.getString("name"),
                rs.getString("unit"), rs.getInt("low_stock"))).list();
    }

    /** Receives (quantity > 0) or issues (quantity < 0) stock; an issue beyond the balance is refused. */
    @Transactional
    public LedgerEntry move(long pointId, long itemId, int quantity, LocalDate on, String note) {
        CurrentUser user = access.require(Permission.MANAGE_SUPPLIES);
        SupplyPoint point = points().stream().filter(p -> p.id() == pointId).findFirst()
                .orElseThrow(() -> new NotFoundException("supply point " + pointId));
        Item item = items().stream().filter(i -> i.id() == itemId).findFirst()
                .orElseThrow(() -> new NotFoundException("supply item " + itemId));
        if (!user.scope().contains(point.villageCode())) {
            throw new NotFoundException("supply point " + pointId);
        }
        LocalDate day = on != null ? on : Dates.today();
        if (quantity == 0) {
            throw new ValidationException(List.of(messages.problem("quantity", "positive")));
        }
        if (day.isAfter(Dates.today())) {
            throw new ValidationException(List.of(messages.problem("movedOn", "notFuture")));
        }
        jdbc.sql("insert into supply_stock (point_id, item_id, balance) values (?, ?, 0) on conflict do nothing")
                .params(pointId, itemId).update();
        // one statement reads and changes the balance, so concurrent issues queue on the row and the guard holds
        Integer balance = jdbc.sql("update supply_stock set balance = balance + ? where point_id = ? and item_id = ?"
                        + " and balance + ? >= 0 returning balance")
                .params(quantity, pointId, itemId, quantity).query(Integer.class).optional().orElse(null);
        if (balance == null) {
            int have = jdbc.sql("select balance from supply_stock where point_id = ? and item_id = ?").params(pointId, itemId)
                    .query(Integer.class).single();
            throw new ValidationException(List.of(messages.problem("quantity", "stockShort", item.name(), have, item.unit())));
        }
        if (quantity < 0) {
            refuseIssueBeforeStock(pointId, item, quantity, day);
        }
        long id = jdbc.sql("""
                insert into supply_ledger (point_id, item_id, moved_on, quantity, balance_after, note, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(pointId, itemId, day, quantity, balance, note, user.username()).query(Long.class).single();
        audit.recordWorded(AuditAction.CREATE, "supply_point", String.valueOf(pointId),
                quantity > 0 ? "audit.detail.received" : "audit.detail.issued", item.name(), Math.abs(quantity));
        return new LedgerEntry(id, pointId, itemId, item.name(), day, quantity, balance, note, user.username());
    }

    /**
     * An issue dated in the past lowers the balance of that day and of every day after it: refused when one of them
     * would go below zero (the stock it would take arrived later). The row lock taken by the balance update above
     * holds off other movements of the item until this transaction ends.
     */
    private void refuseIssueBeforeStock(long pointId, Item item, int quantity, LocalDate day) {
        record Low(LocalDate on, int balance) {
        }
        jdbc.sql("""
                with daily as (select moved_on, sum(quantity) as q from supply_ledger where point_id = ? and item_id = ?
                               group by moved_on),
                     running as (select moved_on, sum(q) over (order by moved_on) as balance from daily)
                select on_day, balance from (
                    select ?::date as on_day, coalesce((select sum(q) from daily where moved_on <= ?), 0) as balance
                    union all select moved_on, balance from running where moved_on > ?) b
                where balance + ? < 0 order by on_day limit 1""")
                .params(pointId, item.id(), day, day, day, quantity)
                .query((rs, n) -> new Low(rs.getObject(1, LocalDate.class), rs.getInt(2))).optional()
                .ifPresent(low -> {
                    throw new ValidationException(List.of(messages.problem("movedOn", "stockShortOn", item.name(),
                            low.on(), low.balance(), item.unit())));
                });
    }

    public List<Stock> stock() {
        access.require(Permission.MANAGE_SUPPLIES);
        return jdbc.sql("""
                select p.id, p.name, i.id, i.name, i.unit, coalesce(s.balance, 0), i.low_stock
                from supply_point p cross join supply_item i
                left join supply_stock s on s.point_id = p.id and s.item_id = i.id
                where p.active order by p.id, i.id""")
                .query((rs, n) -> new Stock(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getInt(7))).list();
    }

    /** Points and items below their low-stock level. */
    public List<Stock> lowStock() {
        return stock().stream().filter(Stock::low).toList();
    }

    public List<LedgerEntry> ledger(long pointId) {
        access.require(Permission.MANAGE_SUPPLIES);
        return jdbc.sql("select l.*, i.name as item from supply_ledger l join supply_item i on i.id = l.item_id"
                        + " where l.point_id = ? order by l.id desc limit 500").param(pointId)
                .query((rs, n) -> new LedgerEntry(rs.getLong("id"), rs.getLong("point_id"), rs.getLong("item_id"),
                        rs.getString("item"), rs.getObject("moved_on", LocalDate.class), rs.getInt("quantity"),
                        rs.getInt("balance_after"), rs.getString("note"), rs.getString("recorded_by"))).list();
    }

    /** Quantities issued per month of a year, per item. */
    public Map<YearMonth, Map<String, Integer>> issuedByMonth(int year) {
        access.require(Permission.MANAGE_SUPPLIES);
        Map<YearMonth, Map<String, Integer>> out = new LinkedHashMap<>();
        jdbc.sql("""
                select to_char(l.moved_on, 'YYYY-MM'), i.name, -sum(l.quantity) from supply_ledger l join supply_item i on i.id = l.item_id
                where l.quantity < 0 and extract(year from l.moved_on) = ? group by 1, 2 order by 1, 2""").param(year)
                .query(rs -> {
                    out.computeIfAbsent(YearMonth.parse(rs.getString(1)), m -> new LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3));
                });
        return out;
    }

    @Transactional
    public Survey recordSurvey(String villageCode, LocalDate on, int sample, int acquired, int aware) {
        CurrentUser user = access.require(Permission.MANAGE_SUPPLIES);
        List<FieldProblem> problems = new ArrayList<>();
        if (villageCode == null || areas.find(villageCode).isEmpty()) {
            problems.add(messages.problem("villageCode", "areaUnknown", villageCode));
        }
        if (sample <= 0) {
            problems.add(messages.problem("sample", "positive"));
        }
        if (acquired < 0 || acquired > sample) {
            problems.add(messages.problem("acquired", "withinSample"));
        }
        if (aware < 0 || aware > sample) {
            problems.add(messages.problem("aware", "withinSample"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = jdbc.sql("insert into supply_survey (village_code, surveyed_on, sample, acquired, aware, recorded_by)"
                        + " values (?, ?, ?, ?, ?, ?) returning id")
                .params(villageCode, on != null ? on : Dates.today(), sample, acquired, aware, user.username())
                .query(Long.class).single();
        audit.recordWorded(AuditAction.CREATE, "supply_survey", String.valueOf(id), "audit.detail.survey", sample, acquired, aware);
        return new Survey(id, villageCode, on != null ? on : Dates.today(), sample, acquired, aware);
    }
}
