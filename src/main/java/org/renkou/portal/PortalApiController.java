package org.renkou.portal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.renkou.access.Audited;
import org.renkou.access.NotAudited;
import org.renkou.common.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The staff side of the portal through the API (the public side is the pages under /portal). */
@RestController
@RequestMapping("/api/v1/portal")
@Tag(name = "Public portal (staff)", description = "Requests from the public, service points and slots, information pages")
@Audited(target = "portal_request")
class PortalApiController {
    private final PortalService requests;
    private final AppointmentService appointments;
    private final PortalPages pages;

    PortalApiController(PortalService requests, AppointmentService appointments, PortalPages pages) {
        this.requests = requests;
        this.appointments = appointments;
        this.pages = pages;
    }

    @GetMapping("/requests")
    PageResult<PortalRequest> queue(@RequestParam(required = false) String kind, @RequestParam(defaultValue = "true") boolean open,
                                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return requests.queue(kind, open, page, Math.max(1, Math.min(size, 500))).requests();
    }

    record Answer(String answer) {
    }

    @PostMapping("/requests/{id}/answer")
    PortalRequest answer(@PathVariable long id, @RequestBody Answer a) {
        return requests.answer(id, a.answer());
    }

    record Assignment(String username) {
    }

    @PostMapping("/requests/{id}/assign")
    PortalRequest assign(@PathVariable long id, @RequestBody Assignment a) {
        return requests.assign(id, a.username());
    }

    @PostMapping("/requests/{id}/close")
    PortalRequest close(@PathVariable long id) {
        return requests.close(id);
    }

    record FollowUp(Long personId, LocalDate visitedOn, String note) {
    }

    @PostMapping("/requests/{id}/followups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a follow-up visit (随访) about a request")
    List<String> followUp(@PathVariable long id, @RequestBody FollowUp f) {
        requests.followUp(id, f.personId(), f.visitedOn(), f.note());
        return requests.followUps(id);
    }

    record Point(String name, String address, String villageCode) {
    }

    @NotAudited("appointment places, no personal data")
    @PostMapping("/points")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> point(@RequestBody Point p) {
        return Map.of("id", appointments.addPoint(p.name(), p.address(), p.villageCode()));
    }

    record Slot(String service, OffsetDateTime startsAt, int capacity) {
    }

    @NotAudited("appointment slots, no personal data")
    @PostMapping("/points/{id}/slots")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> slot(@PathVariable long id, @RequestBody Slot s) {
        return Map.of("id", appointments.addSlot(id, s.service(), s.startsAt(), s.capacity()));
    }

    record PageBody(String title, String body) {
    }

    @NotAudited("public pages; audited by PortalPages")
    @PutMapping("/pages/{slug}")
    PortalPages.Page page(@PathVariable String slug, @RequestBody PageBody p) {
        pages.save(slug, p.title(), p.body());
        return pages.page(slug);
    }
}
