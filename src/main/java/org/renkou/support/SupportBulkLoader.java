package org.renkou.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.common.Dates;
import org.renkou.common.PgCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes many support records at once (the demo town; later, imports of the old system's ledgers). */
@Service
public class SupportBulkLoader {
    public record NewFamily(long householdId, String villageCode, String reason, String liaison1, String liaison2,
                            LocalDate registeredOn) {
    }

    public record Goods(String item, BigDecimal quantity, String unit) {
    }

    public record NewVisit(long householdId, String villageCode, LocalDate visitedOn, String giver, String giverName,
                           long cashFen, List<Goods> goods) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AccessService access;
    private final AuditService audit;

    SupportBulkLoader(JdbcClient jdbc, DataSource dataSource, AccessService access, AuditService audit) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.access = access;
        this.audit = audit;
    }

    @Transactional
    public void load(List<NewFamily> families, List<NewVisit> visits, String source) {
        String by = access.require(Permission.TOWN_OFFICE).username();
        PgCopy f = new PgCopy();
        families.forEach(x -> f.row(x.householdId(), x.villageCode(), x.reason(), x.liaison1(), x.liaison2(), x.registeredOn(), by));
        f.into(dataSource, "difficult_family (household_id, village_code, reason, liaison1, liaison2, registered_on, recorded_by)");
        long first = visits.isEmpty() ? 0 : jdbc.sql("select setval('support_visit_id_seq', nextval('support_visit_id_seq') + ? - 1)")
                .param(visits.size()).query(Long.class).single() - visits.size() + 1;
        PgCopy v = new PgCopy();
        PgCopy g = new PgCopy();
        for (int i = 0; i < visits.size(); i++) {
            NewVisit x = visits.get(i);
            v.row(first + i, x.householdId(), x.villageCode(), x.visitedOn(), x.giver(), x.giverName(), x.cashFen(), by);
            for (Goods goods : x.goods()) {
                g.row(first + i, goods.item(), goods.quantity(), goods.unit());
            }
        }
        v.into(dataSource, "support_visit (id, household_id, village_code, visited_on, giver, giver_name, cash_fen, recorded_by)");
        g.into(dataSource, "support_visit_goods (visit_id, item, quantity, unit)");
        audit.recordWorded(AuditAction.IMPORT, "support", null, "audit.detail.supportLoaded", source, families.size(), visits.size());
    }

    /**
     * An application already decided on paper, entered as approved (for loads of existing beneficiaries); the
     * applicant is the payee (for a child, the parent who applied).
     */
    @Transactional
    public void approve(long programmeId, long beneficiaryId, long applicantId, String villageCode, String reasons,
                        String bankAccount) {
        String by = access.require(Permission.TOWN_OFFICE).username();
        jdbc.sql("""
                insert into allowance_application (programme_id, beneficiary_id, applicant_id, village_code, state, reasons,
                    bank_account, applied_on, reviewed_by, approved_by, note)
                values (?, ?, ?, ?, 'APPROVED', ?, ?, ?, ?, ?, '批量录入')""")
                .params(programmeId, beneficiaryId, applicantId, villageCode, reasons, bankAccount, Dates.today(), by, by).update();
    }
}
