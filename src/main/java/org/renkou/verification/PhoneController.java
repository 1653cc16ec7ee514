package org.renkou.verification;

import java.util.List;
import java.util.stream.Stream;
import org.renkou.access.AccessService;
import org.renkou.access.NotAudited;
import org.renkou.access.Permission;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.people.CodeTables;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The grid worker's phone app (清查核对): one page whose script keeps the worklist in IndexedDB and sends the
 * visits through the API when the phone is online; a service worker serves this page offline. The page
 * carries only reference data (rounds, the user's own areas, code tables); households and persons are read
 * (and audited) through the API.
 */
@Controller
class PhoneController {
    private final AccessService access;
    private final AreaService areas;
    private final CodeTables codes;
    private final VerificationRounds rounds;

    PhoneController(AccessService access, AreaService areas, CodeTables codes, VerificationRounds rounds) {
        this.rounds = rounds;
        this.access = access;
        this.areas = areas;
        this.codes = codes;
    }

    /** The villages and grids that are the user's own (a grid worker's grids, a cadre's village and its grids). */
    @ModelAttribute("areas")
    List<Area> ownAreas() {
        return Stream.of(Area.Level.VILLAGE, Area.Level.GRID).flatMap(level -> areas.inScope(level).stream())
                .sorted(java.util.Comparator.comparing(Area::code)).toList();
    }

    @NotAudited("the app shell: rounds, the user's own areas and code tables; households are read through the API")
    @GetMapping("/verification/phone")
    String phone(Model model) {
        access.require(Permission.WRITE_REGISTER);
        model.addAttribute("username", access.current().username());
        model.addAttribute("rounds", rounds.open());
        model.addAttribute("maritalStatuses", codes.all(CodeTables.MARITAL));
        model.addAttribute("relations", codes.all(CodeTables.RELATION));
        model.addAttribute("sexes", codes.all(CodeTables.SEX));
        return "verification/phone";
    }
}
