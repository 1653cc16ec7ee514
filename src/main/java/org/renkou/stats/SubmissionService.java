package org.renkou.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.renkou.access.AccessService;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.access.Permission;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.AreaCondition;
import org.renkou.common.ConflictException;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.common.PageResult;
import org.renkou.common.ReportPeriod;
import org.renkou.common.TextLimits;
import org.renkou.common.ValidationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submitted reports (报送): the town office freezes a period's standard tables as they are on the day it
 * submits them; the district supervisor reads what each town submitted and may return a submission with a
 * reason, which reopens the period for a new submission. Every submission and return stays in the history.
 */
@Service
public class SubmissionService {
    /**
     * One row of a frozen table: its area ({@code null} for the total), the area's name then, the cells, and the
     * cells as an aggregate-only role sees them (small counts suppressed; {@code null} in reports frozen before).
     */
    record FrozenRow(String area, String name, List<String> cells, List<String> aggregateCells) {
        /** The cells the reader may see. */
        List<String> cells(SmallCells smallCells) {
            if (!smallCells.apply()) {
                return cells;
            }
            return aggregateCells != null ? aggregateCells : cells.stream().map(smallCells::suppressed).toList();
        }
    }

    /** A table as submitted: the form, its indicator columns, its rows. */
    record FrozenTable(String id, List<String> columns, List<FrozenRow> rows) {
    }

    /** A submission with its tables as submitted and the history of its town and period (newest first). */
    public record Detail(Submission submission, List<StandardTable> tables, List<Submission> history) {
    }

    private static final TypeReference<List<FrozenTable>> FROZEN = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final AccessService access;
    private final AuditService audit;
    private final AreaService areas;
    private final IndicatorService indicators;
    private final StandardTables tables;
    private final Messages messages;
    private final JsonMapper json;
    private final SmallCells smallCells;

    SubmissionService(JdbcClient jdbc, AccessService access, AuditService audit, AreaService areas,
                      IndicatorService indicators, StandardTables tables, Messages messages, JsonMapper json,
                      SmallCells smallCells) {
        this.smallCells = smallCells;
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.areas = areas;
        this.indicators = indicators;
        this.tables = tables;
        this.messages = messages;
        this.json = json;
    }

    /** Freezes the town's tables of a period that has ended; refused while an earlier submission is in force. */
    @Transactional
    public Submission submit(String area, String period) {
        CurrentUser user = access.require(Permission.TOWN_OFFICE);
        List<FieldProblem> problems = new ArrayList<>();
        ReportPeriod p = null;
        try {
            p = ReportPeriod.parse(period);
        } catch (IllegalArgumentException e) {
            problems.add(messages.problem("period", "period", period));
        }
        LocalDate today = indicators.today();
        if (p != null && !p.to().isBefore(today)) {
            problems.add(messages.problem("period", "periodNotEnded", p.to().toString()));
        }
        Area town = area == null || area.isBlank() ? null : areas.find(area.trim()).orElse(null);
        if (town == null) {
            problems.add(messages.problem("area", "areaUnknown", area));
        } else if (town.level() != Area.Level.TOWN) {
            problems.add(messages.problem("area", "submissionTownOnly", town.name()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        if (!user.scope().contains(town.code())) {
            throw new AccessDeniedException("area " + town.code() + " is outside the user's areas");
        }
        inForce(town.code(), p).ifPresent(s -> {
            throw alreadySubmitted(s);
        });
        String text = period.trim().toUpperCase();
        IndicatorService.Query q = indicators.query(town.code(), text, null, null);
        List<StandardTable> own = tables.tables(q);
        List<StandardTable> aggregate = smallCells.asAggregateOnly(() -> tables.tables(q));
        List<FrozenTable> frozen = new ArrayList<>();
        for (int t = 0; t < own.size(); t++) {
            frozen.add(freeze(own.get(t), aggregate.get(t)));
        }
        long id;
        try {
            id = jdbc.sql("""
                    insert into report_submission (area_code, period, period_from, period_to, counted_on, submitted_on,
                        submitted_by, tables) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb) returning id""")
                    .params(town.code(), text, p.from(), p.to(), q.asOf(), today, user.username(),
                            json.writeValueAsString(frozen))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) { // submitted at the same moment by a colleague
            throw new ConflictException(messages.problem("period", "alreadySubmitted", town.name(), text, today.toString()));
        }
        audit.record(AuditAction.CREATE, "report_submission", String.valueOf(id), town.code() + " " + text + " submitted");
        return find(id);
    }

    /** Returns a submission in force to its town for correction; the reason is kept in the history. */
    @Transactional
    public Submission returnForCorrection(long id, String reason) {
        CurrentUser user = access.require(Permission.REVIEW_SUBMISSIONS);
        Submission s = visible(id, user);
        List<FieldProblem> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add(messages.problem("reason", "required"));
        } else {
            TextLimits.check(messages, problems, "reason", reason.trim(), TextLimits.NOTE);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        int changed = jdbc.sql("""
                update report_submission set returned_at = now(), returned_by = ?, return_reason = ?
                where id = ? and returned_at is null""").params(user.username(), reason.trim(), id).update();
        if (changed == 0) {
            throw new ConflictException(messages.problem("submission", "submissionNotInForce", s.areaName(), s.period()));
        }
        audit.record(AuditAction.UPDATE, "report_submission", String.valueOf(id), "returned: " + reason.trim());
        return find(id);
    }

    /** Submissions the user may read, newest first: a town office its own, the district those of its towns. */
    public PageResult<Submission> list(String area, String period, int page, int size) {
        CurrentUser user = reader();
        AreaCondition in = user.scope().on("s.area_code", "s.area_code").within(area);
        Map<String, Object> params = new HashMap<>(in.params());
        StringBuilder where = new StringBuilder(" where ").append(in.sql());
        if (period != null && !period.isBlank()) {
            ReportPeriod p = ReportPeriod.parse(period);
            where.append(" and s.period_from = :from and s.period_to = :to");
            params.put("from", p.from());
            params.put("to", p.to());
        }
        long total = jdbc.sql("select count(*) from report_submission s" + where).params(params).query(Long.class).single();
        List<Submission> items = jdbc.sql("select s.* from report_submission s" + where
                        + " order by s.submitted_at desc, s.id desc limit :size offset :offset")
                .params(params).param("size", size).param("offset", (long) page * size).query(this::submission).list();
        return new PageResult<>(items, total, page, size);
    }

    /** One submission with its tables as submitted and every submission and return of its town and period. */
    public Detail detail(long id) {
        Submission s = visible(id, reader());
        return new Detail(s, frozenTables(id, s), history(s.area(), s.periodFrom(), s.periodTo()));
    }

    /** Whether the user may submit the query's tables now: a town office, a town, an ended period, none in force. */
    public boolean submittable(IndicatorService.Query q) {
        return access.has(Permission.TOWN_OFFICE) && areas.find(q.area()).map(a -> a.level() == Area.Level.TOWN).orElse(false)
                && q.period().to().isBefore(indicators.today()) && inForce(q.area(), q.period()).isEmpty();
    }

    /** The submission in force for the area and period, if any. */
    public Optional<Submission> inForce(String area, ReportPeriod p) {
        return jdbc.sql("select * from report_submission where area_code = ? and period_from = ? and period_to = ?"
                        + " and returned_at is null").params(area, p.from(), p.to()).query(this::submission).optional();
    }

    /** The latest submission of the area and period (in force or returned), if any. */
    public Optional<Submission> latest(String area, ReportPeriod p) {
        List<Submission> h = history(area, p.from(), p.to());
        return h.isEmpty() ? Optional.empty() : Optional.of(h.get(0));
    }

    /** The live tables of a query, with the changes since the submission in force of its area and period marked. */
    public List<StandardTable> withChanges(List<StandardTable> live, IndicatorService.Query q) {
        return inForce(q.area(), q.period()).map(s -> compared(live, s)).orElse(live);
    }

    /**
     * The live tables with each cell that differs from the submission in force marked, with the value as
     * submitted; rows and columns are matched by area and indicator, so a new village shows as changed too.
     */
    public List<StandardTable> compared(List<StandardTable> live, Submission submitted) {
        Map<String, FrozenTable> byId = new HashMap<>();
        frozen(submitted.id()).forEach(t -> byId.put(t.id(), t));
        boolean suppressed = smallCells.apply(); // a hidden small cell is no change
        List<StandardTable> out = new ArrayList<>();
        for (StandardTable t : live) {
            FrozenTable f = byId.get(t.id());
            Map<String, String> changed = new HashMap<>();
            for (int r = 0; r < t.rows().size(); r++) {
                FrozenRow fr = f == null ? null : row(f, t.rowAreas().get(r));
                for (int c = 0; c < t.columns().size(); c++) {
                    int fc = f == null ? -1 : f.columns().indexOf(t.columns().get(c));
                    String before = fr == null || fc < 0 ? "–" : fr.cells(smallCells).get(fc);
                    String now = t.rows().get(r).get(c + 1);
                    if (!before.equals(now) && !(suppressed && "–".equals(now))) {
                        changed.put(r + "," + (c + 1), before);
                    }
                }
            }
            out.add(new StandardTable(t.id(), t.title(), t.subtitle(), t.headings(), t.rows(), t.enteredLater(),
                    t.columns(), t.rowAreas(), changed));
        }
        return out;
    }

    private static FrozenRow row(FrozenTable t, String area) {
        return t.rows().stream().filter(r -> java.util.Objects.equals(r.area(), area)).findFirst().orElse(null);
    }

    /** A table as the office sees it, with the same table as an aggregate-only role sees it (same rows). */
    private static FrozenTable freeze(StandardTable t, StandardTable aggregate) {
        List<FrozenRow> rows = new ArrayList<>();
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            List<String> shown = aggregate.rows().get(r);
            String area = t.rowAreas().get(r);
            rows.add(new FrozenRow(area, area == null ? null : row.get(0), List.copyOf(row.subList(1, row.size())),
                    List.copyOf(shown.subList(1, shown.size()))));
        }
        return new FrozenTable(t.id(), t.columns(), rows);
    }

    private List<StandardTable> frozenTables(long id, Submission s) {
        String subtitle = messages.get("tables.subtitle", s.areaName(), s.periodFrom(), s.periodTo(), s.countedOn())
                + messages.get("submissions.subtitle", s.submittedOn(), s.submittedBy());
        return frozen(id).stream().map(f -> {
            List<List<String>> rows = new ArrayList<>();
            List<String> rowAreas = new ArrayList<>();
            for (FrozenRow r : f.rows()) {
                List<String> row = new ArrayList<>();
                row.add(r.area() == null ? messages.get("tables.total") : r.name());
                row.addAll(r.cells(smallCells));
                rows.add(row);
                rowAreas.add(r.area());
            }
            return new StandardTable(f.id(), tables.title(f.id()), subtitle, tables.headings(f.columns()), rows, 0,
                    f.columns(), rowAreas, Map.of());
        }).toList();
    }

    private List<FrozenTable> frozen(long id) {
        String text = jdbc.sql("select tables::text from report_submission where id = ?").param(id).query(String.class).single();
        return json.readValue(text, FROZEN);
    }

    private List<Submission> history(String area, LocalDate from, LocalDate to) {
        return jdbc.sql("select * from report_submission where area_code = ? and period_from = ? and period_to = ?"
                + " order by submitted_at desc, id desc").params(area, from, to).query(this::submission).list();
    }

    private CurrentUser reader() {
        CurrentUser user = access.current();
        if (!user.has(Permission.TOWN_OFFICE) && !user.has(Permission.REVIEW_SUBMISSIONS)) {
            throw new AccessDeniedException("submitted reports are the town office's and the district's");
        }
        return user;
    }

    private Submission visible(long id, CurrentUser user) {
        Submission s = find(id);
        if (!user.scope().contains(s.area())) {
            throw new AccessDeniedException("submission " + id + " is outside the user's areas");
        }
        return s;
    }

    private Submission find(long id) {
        return jdbc.sql("select * from report_submission where id = ?").param(id).query(this::submission).optional()
                .orElseThrow(() -> new NotFoundException("submission " + id));
    }

    private ConflictException alreadySubmitted(Submission s) {
        return new ConflictException(messages.problem("period", "alreadySubmitted", s.areaName(), s.period(),
                s.submittedOn().toString()));
    }

    private Submission submission(ResultSet rs, int n) throws SQLException {
        String area = rs.getString("area_code");
        return new Submission(rs.getLong("id"), area, areas.find(area).map(Area::name).orElse(area), rs.getString("period"),
                rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                rs.getObject("counted_on", LocalDate.class), rs.getObject("submitted_on", LocalDate.class),
                instant(rs, "submitted_at"), rs.getString("submitted_by"),
                rs.getObject("returned_at") == null ? Submission.State.SUBMITTED : Submission.State.RETURNED,
                instant(rs, "returned_at"), rs.getString("returned_by"), rs.getString("return_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
