package org.renkou.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.PageResult;
import org.renkou.common.ValidationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The audit log (审计日志): reads, searches, exports, writes, logins, refusals")
@Audited(target = "audit_log")
class AuditApiController {
    /** One entry as API clients see it; {@code query} and {@code rows} are set for lists and exports. */
    record Item(Instant at, String username, String action, String target, String detail, String query, Long rows,
                String clientAddr) {
    }

    private final AuditService audit;
    private final AccessService access;
    private final Messages messages;

    AuditApiController(AuditService audit, AccessService access, Messages messages) {
        this.audit = audit;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "The audit log, newest first (administrators only); page counts from 0")
    PageResult<Item> search(@RequestParam(required = false) String username,
                            @RequestParam(required = false) Long personId,
                            @RequestParam(required = false) String action,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        access.require(Permission.ADMINISTER);
        List<FieldProblem> problems = new ArrayList<>();
        AuditAction wanted = null;
        if (action != null && !action.isBlank()) {
            wanted = Arrays.stream(AuditAction.values()).filter(a -> a.name().equalsIgnoreCase(action.trim()))
                    .findFirst().orElse(null);
            if (wanted == null) {
                problems.add(messages.problem("action", "invalid", action));
            }
        }
        if (page < 0) {
            problems.add(messages.problem("page", "invalid", page));
        }
        if (size < 1 || size > 500) {
            problems.add(messages.problem("size", "invalid", size));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        AuditService.Filter filter = new AuditService.Filter(username, null, null, wanted, personId, from, to);
        return audit.search(filter, page, size).map(e -> new Item(e.at(), e.username(), e.action(), e.target(),
                e.detail(), e.query(), e.rows(), e.clientAddr()));
    }
}
