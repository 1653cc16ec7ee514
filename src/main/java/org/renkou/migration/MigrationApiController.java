package org.renkou.migration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.renkou.access.AuditAction;
import org.renkou.access.Audited;
import org.renkou.access.NotAudited;
import org.springframework.format.annotation.DateTimeFormat;
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
@RequestMapping("/api/v1/migration")
@Tag(name = "Floating population", description = "Arrivals and verification requests (协查) with feedback (反馈)")
@Audited(target = "person")
class MigrationApiController {
    private final MigrationService migration;
    private final FloatingService floating;

    MigrationApiController(MigrationService migration, FloatingService floating) {
        this.migration = migration;
        this.floating = floating;
    }

    @PostMapping("/arrivals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an inflow person's arrival; a verification request goes to their hukou place")
    VerificationRequest arrive(@RequestBody Arrival arrival) {
        return migration.registerArrival(arrival);
    }

    @Audited(target = "verification_request")
    @GetMapping("/requests")
    @Operation(summary = "Verification requests sent (direction=OUT) or received (IN), newest first")
    List<VerificationRequest> requests(@RequestParam(defaultValue = "OUT") String direction) {
        return migration.requests(direction.toUpperCase());
    }

    @Audited(target = "verification_request", action = AuditAction.LIST)
    @GetMapping("/requests/overdue")
    @Operation(summary = "Requests sent whose deadline passed without feedback")
    List<VerificationRequest> overdue() {
        return migration.overdue();
    }

    @NotAudited("feedback timeliness in counts")
    @GetMapping("/timeliness")
    @Operation(summary = "Feedback timeliness of the requests sent between from and to (dates, inclusive)")
    Timeliness timeliness(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return migration.timeliness(from, to);
    }

    @PostMapping("/persons/{id}/departure")
    @Operation(summary = "A registered person leaves to live elsewhere (流出); the destination is told")
    org.renkou.people.Person depart(@PathVariable long id, @RequestBody Departure d) {
        return floating.depart(id, d);
    }

    @PostMapping("/persons/{id}/return")
    @Operation(summary = "An outflow person comes home")
    org.renkou.people.Person returnHome(@PathVariable long id, @RequestBody Departure d) {
        return floating.returnHome(id, d);
    }

    @PostMapping("/persons/{id}/leaving")
    @Operation(summary = "An inflow person leaves the town; the hukou place is told")
    org.renkou.people.Person leave(@PathVariable long id, @RequestBody Departure d) {
        return floating.leave(id, d);
    }

    @Audited(target = "floating_overview")
    @GetMapping("/overview")
    @Operation(summary = "Inflow by village and reason, outflow by destination, key subjects (today)")
    FloatingOverview overview(@RequestParam(required = false) String area) {
        return floating.overview(area);
    }

    @Audited(target = "migration_notice")
    @GetMapping("/notices")
    @Operation(summary = "Notices (通报) sent (direction=OUT) or received (IN)")
    List<Notice> notices(@RequestParam(defaultValue = "IN") String direction) {
        return floating.notices(direction.toUpperCase());
    }

    @Audited(target = "verification_request")
    @PostMapping("/requests/{id}/feedback")
    @Operation(summary = "Answer a received request after verifying it")
    VerificationRequest answer(@PathVariable UUID id, @RequestBody Feedback feedback) {
        return migration.answer(id, feedback);
    }
}
