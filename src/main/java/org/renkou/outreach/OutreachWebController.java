package org.renkou.outreach;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.renkou.access.NotAudited;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.Dates;
import org.renkou.common.Forms;
import org.renkou.common.ReportPeriod;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Publicity activities (with photos) and training sessions. */
@Controller
@NotAudited("outreach activities, photos of events and trainings: no personal records; audited by OutreachService")
class OutreachWebController {
    private final OutreachService outreach;
    private final AreaService areas;

    OutreachWebController(OutreachService outreach, AreaService areas) {
        this.outreach = outreach;
        this.areas = areas;
    }

    private static final int PAGE_SIZE = 30;

    @GetMapping("/outreach")
    String page(@RequestParam(required = false) String period, @RequestParam(defaultValue = "0") int page,
                @RequestParam(defaultValue = "0") int trainingsPage, Model model) {
        String p = period == null || period.isBlank() ? String.valueOf(Dates.today().getYear()) : period.trim();
        model.addAttribute("period", p);
        model.addAttribute("activities", outreach.activities(ReportPeriod.parse(p), Math.max(0, page), PAGE_SIZE));
        model.addAttribute("trainings", outreach.trainings(ReportPeriod.parse(p), Math.max(0, trainingsPage), PAGE_SIZE));
        model.addAttribute("kinds", OutreachService.KINDS);
        model.addAttribute("areas", areas.inScope(Area.Level.TOWN));
        List<Area> villages = areas.inScope(Area.Level.VILLAGE);
        model.addAttribute("villages", villages);
        // a grid worker holds no whole village: they record at their grids
        model.addAttribute("grids", villages.isEmpty() ? areas.inScope(Area.Level.GRID) : List.of());
        model.addAttribute("today", Dates.today());
        return "outreach/outreach";
    }

    @PostMapping("/outreach/activities")
    String record(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                  @RequestParam(required = false) String areaCode, @RequestParam(required = false) String campaign,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) Integer count,
                  @RequestParam(required = false) String note, @RequestParam(required = false) MultipartFile photo,
                  RedirectAttributes redirect) throws IOException {
        byte[] picture = photo == null || photo.isEmpty() ? null : photo.getBytes();
        return Forms.save(redirect, "/outreach", () -> {
            Activity a = outreach.record(heldOn, areaCode, campaign, kind, count, note);
            return picture == null ? a : outreach.addPhoto(a.id(), photo.getOriginalFilename(), picture);
        });
    }

    @GetMapping("/outreach/photos/{id}")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        OutreachService.Photo p = outreach.photo(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType())).body(p.content());
    }

    @PostMapping("/outreach/trainings")
    String training(@RequestParam(required = false) String title,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                    @RequestParam(required = false) Integer days, @RequestParam(required = false) String place,
                    @RequestParam(required = false) String trainer, @RequestParam(required = false) Integer participants,
                    @RequestParam(required = false) String areaCode, @RequestParam(required = false) String note,
                    RedirectAttributes redirect) {
        return Forms.save(redirect, "/outreach",
                () -> outreach.recordTraining(title, startsOn, days, place, trainer, participants, areaCode, note));
    }
}
