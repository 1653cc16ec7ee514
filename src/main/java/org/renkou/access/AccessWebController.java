package org.renkou.access;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.renkou.common.Forms;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Login page, the administrator's user management and audit log view. */
@Controller
@NotAudited("the login form and staff accounts; account changes are audited by UserService")
class AccessWebController {
    private final UserService users;
    private final AuditService audit;
    private final AccessService access;

    AccessWebController(UserService users, AuditService audit, AccessService access) {
        this.users = users;
        this.audit = audit;
        this.access = access;
    }

    @GetMapping("/login")
    String login() {
        return "access/login";
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        access.require(Permission.ADMINISTER);
        model.addAttribute("users", users.list());
        model.addAttribute("roles", Role.values());
        return "access/users";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam Role role,
                  @RequestParam(defaultValue = "") String areaCodes, @RequestParam String password,
                  Model model, RedirectAttributes redirect) {
        access.require(Permission.ADMINISTER);
        return Forms.saveOrShow(model, redirect, "/admin/users",
                () -> users.create(username, displayName, role, codes(areaCodes), password), () -> users(model));
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable long id, @RequestParam String displayName, @RequestParam Role role,
                  @RequestParam(defaultValue = "") String areaCodes, @RequestParam(defaultValue = "false") boolean enabled,
                  Model model, RedirectAttributes redirect) {
        access.require(Permission.ADMINISTER);
        return Forms.saveOrShow(model, redirect, "/admin/users",
                () -> users.update(id, displayName, role, codes(areaCodes), enabled), () -> users(model));
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable long id) {
        access.require(Permission.ADMINISTER);
        users.unlock(id);
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam String password, Model model,
                         RedirectAttributes redirect) {
        access.require(Permission.ADMINISTER);
        return Forms.saveOrShow(model, redirect, "/admin/users", () -> users.resetPassword(id, password),
                () -> users(model));
    }

    @GetMapping("/admin/audit")
    @Audited(target = "audit_log")
    String audit(@RequestParam(required = false) String username, @RequestParam(required = false) String entity,
                 @RequestParam(required = false) String entityId, @RequestParam(required = false) AuditAction action,
                 @RequestParam(required = false) Long personId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        access.require(Permission.ADMINISTER);
        AuditService.Filter filter = new AuditService.Filter(username, entity, entityId, action, personId, from, to);
        model.addAttribute("filter", filter);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("entities", audit.entities());
        model.addAttribute("result", audit.search(filter, Math.max(0, page), 50));
        return "access/audit";
    }

    private static List<String> codes(String csv) {
        return Arrays.stream(csv.split("[,，\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
