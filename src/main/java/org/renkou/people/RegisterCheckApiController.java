package org.renkou.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.renkou.access.Audited;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/register-checks")
@Tag(name = "Register checks", description = "Verification rounds (核查) giving coverage and accuracy")
@Audited(target = "register_check")
class RegisterCheckApiController {
    private final RegisterChecks checks;

    RegisterCheckApiController(RegisterChecks checks) {
        this.checks = checks;
    }

    record RoundForm(String areaCode, LocalDate checkedOn, int found, int inRegister, int recordsChecked, int recordsCorrect,
                     String note) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a round: persons found on the ground, of them in the register; records checked, correct")
    RegisterChecks.Round record(@RequestBody RoundForm f) {
        return checks.record(f.areaCode(), f.checkedOn(), f.found(), f.inRegister(), f.recordsChecked(), f.recordsCorrect(), f.note());
    }

    @GetMapping
    List<RegisterChecks.Round> rounds() {
        return checks.rounds();
    }
}
