package org.renkou.referrals;

import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.renkou.access.AccessService;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.Permission;
import org.renkou.common.PgCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes many referrals at once, answered or not (the demo town; later, the old system's ledgers). */
@Service
public class ReferralBulkLoader {
    /** A referral as it was made and, where {@code outcome} is given, answered. */
    public record NewReferral(long personId, String villageCode, String gridCode, boolean forFamily, Referral.Kind kind,
                              long partnerId, LocalDate referredOn, String referredBy, String need, Referral.Outcome outcome,
                              LocalDate answeredOn, String answeredBy, String answerNote) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AccessService access;
    private final AuditService audit;

    ReferralBulkLoader(JdbcClient jdbc, DataSource dataSource, AccessService access, AuditService audit) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.access = access;
        this.audit = audit;
    }

    /** A partner office as the town's list has it, its accounts taken as they are (they may be created later). */
    @Transactional
    public long addPartner(String name, Partner.Kind kind, String townCode, List<String> accounts) {
        access.require(Permission.TOWN_OFFICE);
        long id = jdbc.sql("insert into referral_partner (name, kind, town_code, accounts) values (?, ?, ?, ?) returning id")
                .params(name, kind.name(), townCode, accounts.toArray(String[]::new)).query(Long.class).single();
        audit.record(AuditAction.IMPORT, "referral_partner", String.valueOf(id), name);
        return id;
    }

    @Transactional
    public void load(List<NewReferral> referrals, String source) {
        access.require(Permission.TOWN_OFFICE);
        PgCopy copy = new PgCopy();
        for (NewReferral r : referrals) {
            copy.row(r.personId(), r.villageCode(), r.gridCode(), r.forFamily(), r.kind(), r.partnerId(), r.referredOn(),
                    r.referredBy(), r.need(), r.outcome(), r.answeredOn(), r.answeredBy(), r.answerNote());
        }
        copy.into(dataSource, "referral (person_id, village_code, grid_code, for_family, kind, partner_id, referred_on, referred_by,"
                + " need, outcome, answered_on, answered_by, answer_note)");
        audit.recordWorded(AuditAction.IMPORT, "referral", null, "audit.detail.referralsLoaded", source, referrals.size());
    }
}
