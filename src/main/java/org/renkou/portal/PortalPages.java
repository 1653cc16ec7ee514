package org.renkou.portal;

import java.util.ArrayList;
import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.common.ValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The portal's information pages, edited by the town office. */
@Service
public class PortalPages {
    public record Page(String slug, String title, String body) {
        public List<String> paragraphs() {
            return List.of(body.split("\\R\\s*\\R"));
        }
    }

    private final JdbcClient jdbc;
    private final AccessService access;
    private final AuditService audit;
    private final Messages messages;

    PortalPages(JdbcClient jdbc, AccessService access, AuditService audit, Messages messages) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
    }

    public List<Page> pages() {
        return jdbc.sql("select slug, title, body from portal_page order by slug").query((rs, i) -> new Page(rs.getString(1),
                rs.getString(2), rs.getString(3))).list();
    }

    public Page page(String slug) {
        return pages().stream().filter(p -> p.slug().equals(slug)).findFirst().orElseThrow(() -> new NotFoundException("page " + slug));
    }

    @Transactional
    public void save(String slug, String title, String body) {
        access.require(Permission.TOWN_OFFICE);
        List<FieldProblem> problems = new ArrayList<>();
        if (slug == null || !slug.matches("[a-z0-9-]{1,40}")) {
            problems.add(messages.problem("slug", "slug", slug == null ? "" : slug));
        }
        if (title == null || title.isBlank()) {
            problems.add(messages.problem("title", "required"));
        }
        if (body == null || body.isBlank()) {
            problems.add(messages.problem("body", "required"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        jdbc.sql("""
                insert into portal_page (slug, title, body, updated_by) values (?, ?, ?, ?)
                on conflict (slug) do update set title = excluded.title, body = excluded.body, updated_by = excluded.updated_by,
                    updated_at = now()""").params(slug, title.trim(), body, access.current().username()).update();
        audit.record(AuditAction.UPDATE, "portal_page", slug, null);
    }
}
