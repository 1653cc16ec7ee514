package org.renkou.assessment;

import org.renkou.access.NotAudited;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@NotAudited("aggregates of units against their targets: no personal records; agreements are audited by AgreementService")
@RequestMapping("/api/v1/assessments")
@Tag(name = "Target assessment", description = "Target agreements with the units and the yearly assessment")
class AssessmentApiController {
    private final AssessmentService assessments;
    private final AgreementService agreements;

    AssessmentApiController(AssessmentService assessments, AgreementService agreements) {
        this.assessments = assessments;
        this.agreements = agreements;
    }

    @GetMapping
    @Operation(summary = "Each unit below the area (a town's village-level units, a county's towns) for FP{year}, ranked")
    List<Assessment> assess(@RequestParam String area, @RequestParam int year) {
        return assessments.assess(area, year);
    }

    @GetMapping("/towns")
    @Operation(summary = "For a county: every town's assessment of its village-level units for FP{year}, by town code")
    Map<String, List<Assessment>> assessEveryTown(@RequestParam String area, @RequestParam int year) {
        return assessments.assessEveryTown(area, year);
    }

    @GetMapping("/agreements")
    @Operation(summary = "The target agreements of a year with the units below the area")
    List<Agreement> agreements(@RequestParam String area, @RequestParam int year) {
        return agreements.forUnits(year, agreements.units(area).stream().map(a -> a.code()).toList());
    }

    record AgreementForm(LocalDate signedOn, String signedBy, String counterSigned, List<Target> targets) {
    }

    @PutMapping("/agreements/{year}/{areaCode}")
    @Operation(summary = "Set a unit's target agreement for a year (replaces the one there was)")
    Agreement save(@PathVariable int year, @PathVariable String areaCode, @RequestBody AgreementForm f) {
        return agreements.save(year, areaCode, new AgreementService.Draft(f.signedOn(), f.signedBy(), f.counterSigned(),
                f.targets()));
    }

    record CopyForm(String area, int fromYear, int toYear) {
    }

    @PostMapping("/agreements/copy")
    @Operation(summary = "Start a year from the one before: units without an agreement get last year's targets")
    Map<String, Integer> copy(@RequestBody CopyForm f) {
        return Map.of("copied", agreements.copy(f.area(), f.fromYear(), f.toYear()));
    }
}
