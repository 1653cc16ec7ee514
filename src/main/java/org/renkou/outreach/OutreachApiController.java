package org.renkou.outreach;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.renkou.access.NotAudited;
import org.renkou.common.Dates;
import org.renkou.common.PageResult;
import org.renkou.common.ReportPeriod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/outreach")
@Tag(name = "Outreach", description = "Publicity activities with photos, training sessions")
@NotAudited("outreach activities, photos of events and trainings: no personal records; audited by OutreachService")
class OutreachApiController {
    private final OutreachService outreach;

    OutreachApiController(OutreachService outreach) {
        this.outreach = outreach;
    }

    record ActivityForm(LocalDate heldOn, String areaCode, String campaign, String kind, Integer count, String note) {
    }

    @PostMapping("/activities")
    @ResponseStatus(HttpStatus.CREATED)
    Activity record(@RequestBody ActivityForm f) {
        return outreach.record(f.heldOn(), f.areaCode(), f.campaign(), f.kind(), f.count(), f.note());
    }

    @GetMapping("/activities")
    @Operation(summary = "The period's activities, latest first, paged: {items, total, page, size}")
    PageResult<Activity> activities(@RequestParam(required = false) String period, @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "100") int size) {
        return outreach.activities(period(period), Math.max(0, page), Math.max(1, Math.min(size, 500)));
    }

    @PostMapping(value = "/activities/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a JPEG or PNG photo of at most 2 MB")
    Map<String, Long> photo(@PathVariable long id, @RequestPart("file") MultipartFile file) throws IOException {
        return Map.of("id", outreach.addPhoto(id, file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping("/photos/{id}")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        OutreachService.Photo p = outreach.photo(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType())).body(p.content());
    }

    record TrainingForm(String title, LocalDate startsOn, Integer days, String place, String trainer, Integer participants,
                        String areaCode, String note) {
    }

    @PostMapping("/trainings")
    @ResponseStatus(HttpStatus.CREATED)
    Training training(@RequestBody TrainingForm f) {
        return outreach.recordTraining(f.title(), f.startsOn(), f.days(), f.place(), f.trainer(), f.participants(),
                f.areaCode(), f.note());
    }

    @GetMapping("/trainings")
    @Operation(summary = "The training sessions starting in the period, latest first, paged: {items, total, page, size}")
    PageResult<Training> trainings(@RequestParam(required = false) String period, @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "100") int size) {
        return outreach.trainings(period(period), Math.max(0, page), Math.max(1, Math.min(size, 500)));
    }

    private static ReportPeriod period(String text) {
        return ReportPeriod.parse(text == null ? String.valueOf(Dates.today().getYear()) : text);
    }
}
