package org.renkou.cadres;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.renkou.common.ReportPeriod;
import org.renkou.access.Audited;
import org.renkou.outreach.Attendance;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cadres")
@Tag(name = "Cadre team", description = "Posts of the cadre team (计生干部队伍), vacancies, training hours")
@Audited(target = "cadre")
class CadreApiController {
    private final CadreService cadres;

    CadreApiController(CadreService cadres) {
        this.cadres = cadres;
    }

    record TrainingForm(Long trainingId, Integer hours) {
    }

    @GetMapping
    @Operation(summary = "The team of an area: posts (with training hours of the period), vacancies, holders by kind")
    CadreService.Team team(@RequestParam(required = false) String area, @RequestParam(required = false) Post.Kind kind,
                           @RequestParam(required = false) String period) {
        return cadres.team(area, kind, period(period));
    }

    @GetMapping("/{id}")
    Cadre cadre(@PathVariable long id, @RequestParam(required = false) String period) {
        return cadres.cadre(id, period(period));
    }

    @PostMapping("/posts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new post in the town, a village-level unit or a grid, vacant or with its holder")
    Post addPost(@RequestBody CadreService.PostForm form) {
        return cadres.addPost(form);
    }

    @PutMapping("/posts/{id}/holder")
    @Operation(summary = "Give the post to an existing cadre (cadreId) or a new one (name, phone, username, personId)")
    Post fill(@PathVariable long id, @RequestBody CadreService.HolderForm form) {
        return cadres.fill(id, form);
    }

    @PutMapping("/{id}/contact")
    @Operation(summary = "Correct a cadre's phone and linked account in place (blank: none)")
    Cadre correctContact(@PathVariable long id, @RequestBody CadreService.ContactForm form) {
        return cadres.correctContact(id, form);
    }

    @DeleteMapping("/posts/{id}/holder")
    @Operation(summary = "The holder leaves: the post is vacant")
    Post vacate(@PathVariable long id) {
        return cadres.vacate(id);
    }

    @PostMapping("/{id}/trainings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Hours the cadre attended at a training session of outreach")
    Attendance training(@PathVariable long id, @RequestBody TrainingForm form) {
        return cadres.recordTraining(id, form.trainingId(), form.hours());
    }

    /** The calendar year to date unless another period is asked for. */
    private ReportPeriod period(String period) {
        return ReportPeriod.parse(period == null || period.isBlank() ? String.valueOf(cadres.today().getYear()) : period.trim());
    }
}
