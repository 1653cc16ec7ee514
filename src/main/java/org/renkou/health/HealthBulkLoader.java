package org.renkou.health;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.common.PgCopy;
import org.renkou.health.HealthCodes.CheckResult;
import org.renkou.health.HealthCodes.FollowupOutcome;
import org.renkou.health.HealthCodes.Method;
import org.renkou.health.HealthCodes.NoMethodReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes many health records at once through COPY (the demo town; later, imports). Rows are already valid. */
@Service
public class HealthBulkLoader {
    public record NewContraception(long personId, Method method, NoMethodReason reason, LocalDate startedOn,
                                   LocalDate endedOn, String provider) {
    }

    /** A live birth (or an earlier child) of a mother; the birth order is computed here by Hunan's rule. */
    public record NewBirth(long motherId, Long childId, String sex, LocalDate birthDate, String areaCode,
                           String gridCode, String place) {
    }

    public record NewPermit(long motherId, LocalDate approvedOn, String reason) {
    }

    public record NewPregnancy(long personId, LocalDate detectedOn, LocalDate expectedOn) {
    }

    /** A procedure done on a day in her village and grid. */
    public record NewProcedure(long personId, HealthCodes.ProcedureKind kind, LocalDate doneOn, String provider,
                               String areaCode, String gridCode) {
    }

    /** A roster line's result, or (result null) the follow-up of an absentee, open when {@code closedOn} is null. */
    public record CheckOutcome(long personId, LocalDate checkedOn, CheckResult result, FollowupOutcome followup,
                               LocalDate closedOn, String note) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AccessService access;
    private final AuditService audit;

    HealthBulkLoader(JdbcClient jdbc, DataSource dataSource, AccessService access, AuditService audit) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.access = access;
        this.audit = audit;
    }

    @Transactional
    public void load(List<NewContraception> contraception, List<NewBirth> births, List<NewPermit> permits,
                     List<NewPregnancy> pregnancies, String source) {
        String by = access.require(Permission.WRITE_HEALTH).username();
        PgCopy c = new PgCopy();
        for (NewContraception x : contraception) {
            c.row(x.personId(), WomenService.name(x.method()), WomenService.name(x.reason()), x.startedOn(), x.endedOn(),
                    x.provider(), by);
        }
        c.into(dataSource, "contraception (person_id, method, no_method_reason, started_on, ended_on, provider, recorded_by)");
        PgCopy b = new PgCopy();
        Map<Long, List<NewBirth>> byMother = new LinkedHashMap<>();
        births.forEach(x -> byMother.computeIfAbsent(x.motherId(), k -> new ArrayList<>()).add(x));
        for (List<NewBirth> children : byMother.values()) {
            children.sort(Comparator.comparing(NewBirth::birthDate));
            List<BirthOrder.EarlierChild> earlier = new ArrayList<>();
            for (NewBirth x : children) {
                b.row(x.motherId(), x.childId(), x.sex(), x.birthDate(), x.place(), x.areaCode(), x.gridCode(),
                        BirthOrder.of(x.birthDate(), earlier), x.birthDate(), by);
                earlier.add(new BirthOrder.EarlierChild(x.birthDate(), false, false, null));
            }
        }
        b.into(dataSource, "birth (mother_id, child_id, sex, birth_date, place, area_code, grid_code, birth_order,"
                + " registered_on, recorded_by)");
        PgCopy p = new PgCopy();
        permits.forEach(x -> p.row(x.motherId(), x.approvedOn(), x.reason(), by));
        p.into(dataSource, "birth_permit (mother_id, approved_on, reason, recorded_by)");
        PgCopy g = new PgCopy();
        pregnancies.forEach(x -> g.row(x.personId(), x.detectedOn(), x.expectedOn(), by));
        g.into(dataSource, "pregnancy (person_id, detected_on, expected_on, recorded_by)");
        audit.recordWorded(AuditAction.IMPORT, "health", null, "audit.detail.healthLoaded", source, contraception.size(),
                births.size(), permits.size(), pregnancies.size());
    }

    @Transactional
    public void loadProcedures(List<NewProcedure> procedures, String source) {
        String by = access.require(Permission.WRITE_HEALTH).username();
        PgCopy c = new PgCopy();
        procedures.forEach(x -> c.row(x.personId(), x.kind().name(), x.doneOn(), x.provider(), x.areaCode(), x.gridCode(), by));
        c.into(dataSource, "fp_procedure (person_id, kind, done_on, provider, area_code, grid_code, recorded_by)");
        audit.recordWorded(AuditAction.IMPORT, "health", null, "audit.detail.proceduresLoaded", source, procedures.size());
    }

    /** Results and follow-ups of a campaign's roster (lines not on the roster are ignored). */
    @Transactional
    public void loadOutcomes(long campaignId, List<CheckOutcome> outcomes, String source) {
        String by = access.require(Permission.WRITE_HEALTH).username();
        jdbc.sql("create temporary table check_outcome (person_id bigint, checked_on date, result text, followup text,"
                + " closed_on date, note text) on commit drop").update();
        PgCopy o = new PgCopy();
        outcomes.forEach(x -> o.row(x.personId(), x.checkedOn(), WomenService.name(x.result()),
                WomenService.name(x.followup()), x.closedOn(), x.note()));
        o.into(dataSource, "check_outcome (person_id, checked_on, result, followup, closed_on, note)");
        int n = jdbc.sql("""
                update check_roster r set checked_on = o.checked_on, result = o.result, checked_by = ?,
                    followup_outcome = o.followup, followup_closed_on = o.closed_on, followup_note = o.note
                from check_outcome o where r.campaign_id = ? and r.person_id = o.person_id""")
                .params(by, campaignId).update();
        audit.recordWorded(AuditAction.IMPORT, "check_campaign", String.valueOf(campaignId), "audit.detail.outcomesLoaded", source, n);
    }
}
