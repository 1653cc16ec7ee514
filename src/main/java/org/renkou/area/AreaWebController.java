package org.renkou.area;

import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.CurrentUser;
import org.renkou.access.NotAudited;
import org.renkou.access.UserService;
import org.renkou.common.NotFoundException;
import org.renkou.common.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The area tree, an area's page, new grids, renaming, and assigning staff to areas. */
@Controller
@NotAudited("places, grids and their staff; changes are audited by AreaService")
class AreaWebController {
    private final AreaService areas;
    private final AccessService access;
    private final UserService users;

    AreaWebController(AreaService areas, AccessService access, UserService users) {
        this.areas = areas;
        this.access = access;
        this.users = users;
    }

    @GetMapping("/areas")
    String tree(Model model) {
        model.addAttribute("tree", areas.tree(access.current().scope()));
        return "area/tree";
    }

    @GetMapping("/areas/{code}")
    String area(@PathVariable String code, Model model) {
        CurrentUser user = access.current();
        if (!user.scope().coversArea(code)) {
            throw new NotFoundException("area " + code);
        }
        Area area = areas.get(code);
        model.addAttribute("area", area);
        model.addAttribute("path", areas.path(code));
        model.addAttribute("children", areas.visibleChildren(code, user.scope()));
        model.addAttribute("canEdit", user.has(Permission.WRITE_REGISTER) && user.scope().contains(code));
        model.addAttribute("isAdmin", user.has(Permission.ADMINISTER));
        model.addAttribute("staff", user.has(Permission.ADMINISTER) ? users.assignedTo(code) : List.of());
        model.addAttribute("allUsers", user.has(Permission.ADMINISTER) ? users.list() : List.of());
        return "area/area";
    }

    @PostMapping("/areas/{code}/grids")
    String newGrid(@PathVariable String code, @RequestParam String suffix, @RequestParam String name,
                   Model model, RedirectAttributes redirect) {
        return Forms.saveOrShow(model, redirect, "/areas/" + code,
                () -> areas.create(new Area(code + suffix.trim(), name, Area.Level.GRID, code, null, null)),
                () -> area(code, model));
    }

    @PostMapping("/areas/{code}/name")
    String rename(@PathVariable String code, @RequestParam String name, Model model, RedirectAttributes redirect) {
        return Forms.saveOrShow(model, redirect, "/areas/" + code, () -> areas.rename(code, name),
                () -> area(code, model));
    }

    @PostMapping("/areas/{code}/staff")
    String assign(@PathVariable String code, @RequestParam String username, @RequestParam(defaultValue = "false") boolean remove,
                  Model model, RedirectAttributes redirect) {
        access.require(Permission.ADMINISTER);
        areas.get(code);
        return Forms.saveOrShow(model, redirect, "/areas/" + code, () -> {
            if (remove) {
                users.unassignArea(username, code);
            } else {
                users.assignArea(username, code);
            }
        }, () -> area(code, model));
    }
}
