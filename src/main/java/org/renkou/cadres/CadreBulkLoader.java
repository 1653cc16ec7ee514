package org.renkou.cadres;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.renkou.access.AccessService;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.Permission;
import org.renkou.common.PgCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a whole cadre team at once (the demo town; later, a town's staff list): its cadres and its posts, held or
 * vacant. Answers each cadre's attendee key for outreach's training records ({@code cadre:<id>}), by name.
 */
@Service
public class CadreBulkLoader {
    /** A post; {@code holder} names one of the team's cadres (null: vacant). */
    public record NewPost(Post.Kind kind, String areaCode, String title, String holder, LocalDate since) {
    }

    /** A cadre of the team, named uniquely within it. */
    public record NewCadre(String name, String phone, String username) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AccessService access;
    private final AuditService audit;

    CadreBulkLoader(JdbcClient jdbc, DataSource dataSource, AccessService access, AuditService audit) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.access = access;
        this.audit = audit;
    }

    @Transactional
    public Map<String, String> load(List<NewCadre> cadres, List<NewPost> posts, String source) {
        access.require(Permission.TOWN_OFFICE);
        long first = cadres.isEmpty() ? 0 : jdbc.sql("select setval('cadre_id_seq', nextval('cadre_id_seq') + ? - 1)")
                .param(cadres.size()).query(Long.class).single() - cadres.size() + 1;
        PgCopy c = new PgCopy();
        Map<String, Long> ids = new java.util.HashMap<>();
        for (int i = 0; i < cadres.size(); i++) {
            NewCadre x = cadres.get(i);
            c.row(first + i, x.name(), x.phone(), x.username());
            ids.put(x.name(), first + i);
        }
        c.into(dataSource, "cadre (id, name, phone, username)");
        PgCopy p = new PgCopy();
        for (NewPost x : posts) {
            p.row(x.kind(), x.areaCode(), x.title(), x.holder() == null ? null : ids.get(x.holder()), x.holder() == null ? null : x.since());
        }
        p.into(dataSource, "cadre_post (kind, area_code, title, cadre_id, since)");
        audit.recordWorded(AuditAction.IMPORT, "cadre_post", null, "audit.detail.cadresLoaded", source, cadres.size(), posts.size());
        Map<String, String> attendees = new java.util.HashMap<>();
        ids.forEach((name, id) -> attendees.put(name, CadreService.ATTENDEE + id));
        return attendees;
    }
}
