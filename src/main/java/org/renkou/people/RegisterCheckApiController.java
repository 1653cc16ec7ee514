package org.renkou.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.renkou.access.Audited;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/register-checks")
@Tag(name = "Register checks (typed)", description = "History: verification rounds typed in as totals, before rounds were"
        + " visited (see /api/v1/verification-rounds); no longer a source of the register indicators")
@Audited(target = "register_check")
class RegisterCheckApiController {
    private final RegisterChecks checks;

    RegisterCheckApiController(RegisterChecks checks) {
        this.checks = checks;
    }

    @GetMapping
    @Operation(summary = "The typed rounds, as history (source TYPED)")
    List<RegisterChecks.Round> rounds() {
        return checks.rounds();
    }
}
