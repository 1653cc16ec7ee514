package org.renkou.migration;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.common.PgCopy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Verification requests exchanged before a node ran Renkou (the demo town; an old system's records). */
@Service
public class VerificationHistory {
    /** A request sent about an inflow person, and when (if ever) its feedback came. */
    public record PastRequest(long personId, String peerCode, String idNumber, String name, LocalDate birthDate, String sex,
                              boolean keySubject, OffsetDateTime sentAt, LocalDate deadline, OffsetDateTime answeredAt,
                              String feedback) {
    }

    private final DataSource dataSource;
    private final AccessService access;
    private final AuditService audit;

    VerificationHistory(DataSource dataSource, AccessService access, AuditService audit) {
        this.dataSource = dataSource;
        this.access = access;
        this.audit = audit;
    }

    @Transactional
    public void load(List<PastRequest> requests, String source) {
        access.require(Permission.TOWN_OFFICE);
        PgCopy copy = new PgCopy();
        for (PastRequest r : requests) {
            copy.row(UUID.randomUUID(), "OUT", r.peerCode(), r.personId(), r.idNumber(), r.name(), r.birthDate(), r.sex(),
                    r.keySubject(), r.deadline(), r.answeredAt() == null ? "SENT" : "ANSWERED", r.feedback(), r.sentAt(),
                    r.answeredAt());
        }
        copy.into(dataSource, "verification_request (id, direction, peer_code, person_id, id_number, name, birth_date, sex,"
                + " key_subject, deadline, state, feedback, created_at, answered_at)");
        audit.recordWorded(AuditAction.IMPORT, "verification_request", null, "audit.detail.requestsLoaded", source, requests.size());
    }
}
