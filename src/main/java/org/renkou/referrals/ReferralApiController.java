package org.renkou.referrals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.renkou.access.Audited;
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
@RequestMapping("/api/v1/referrals")
@Tag(name = "Equal services", description = "Referrals of floating people to partner offices (均等化服务) and their answers")
@Audited(target = "referral")
class ReferralApiController {
    private final ReferralService referrals;

    ReferralApiController(ReferralService referrals) {
        this.referrals = referrals;
    }

    @GetMapping
    @Operation(summary = "The referrals the caller may see (the town office: its area's; a partner: those addressed to it), paged")
    PageResult<Referral> list(@RequestParam(required = false) Referral.Kind kind, @RequestParam(required = false) Long partnerId,
                              @RequestParam(required = false) ReferralService.State state,
                              @RequestParam(required = false) String area, @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size) {
        return referrals.search(new ReferralService.Criteria(kind, partnerId, state, area, page, size));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Refer a floating person (or their family) to a partner office of their town")
    Referral refer(@RequestBody ReferralService.ReferralForm form) {
        return referrals.refer(form);
    }

    @GetMapping("/{id}")
    Referral get(@PathVariable long id) {
        return referrals.get(id);
    }

    @PostMapping("/{id}/answer")
    @Operation(summary = "The office's answer: outcome (GIVEN, REFUSED, NOT_NEEDED, UNREACHABLE) and its date")
    Referral answer(@PathVariable long id, @RequestBody ReferralService.AnswerForm form) {
        return referrals.answer(id, form);
    }

    @NotAudited("the partner offices: names of offices and their staff accounts, no personal records")
    @GetMapping("/partners")
    List<Partner> partners() {
        return referrals.partners();
    }

    @NotAudited("adds a partner office, audited by ReferralService")
    @PostMapping("/partners")
    @ResponseStatus(HttpStatus.CREATED)
    Partner addPartner(@RequestBody ReferralService.PartnerForm form) {
        return referrals.addPartner(form);
    }
}
