package org.renkou.stats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.renkou.access.NotAudited;
import org.renkou.common.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reports/submissions")
@Tag(name = "Reports", description = "Standard tables (国人口统1表, 国人口统2表, floating population) and the work report")
@NotAudited("submitted aggregate tables; SubmissionService audits submissions and returns")
class SubmissionApiController {
    private final SubmissionService submissions;

    SubmissionApiController(SubmissionService submissions) {
        this.submissions = submissions;
    }

    record SubmitBody(String area, String period) {
    }

    record ReturnBody(String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Submit a town's standard tables of an ended period (town office): their cells are frozen")
    Submission submit(@RequestBody SubmitBody body) {
        return submissions.submit(body.area(), body.period());
    }

    @GetMapping
    @Operation(summary = "Submissions and returns the user may read, newest first (town office, district)")
    PageResult<Submission> list(@RequestParam(required = false) String area, @RequestParam(required = false) String period,
                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return submissions.list(area, period, Math.max(0, page), Math.min(Math.max(1, size), 500));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One submission: its tables as submitted and the history of its town and period")
    SubmissionService.Detail detail(@PathVariable long id) {
        return submissions.detail(id);
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "Return a submission in force for correction, with a reason (district); the town submits again")
    Submission returnForCorrection(@PathVariable long id, @RequestBody ReturnBody body) {
        return submissions.returnForCorrection(id, body.reason());
    }
}
