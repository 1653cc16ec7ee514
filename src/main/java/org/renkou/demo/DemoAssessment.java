package org.renkou.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.assessment.AgreementService;
import org.renkou.assessment.Target;
import org.renkou.assessment.Target.Comparison;
import org.renkou.assessment.Target.Rule;
import org.springframework.stereotype.Component;

/**
 * The demo town's target agreements of 2012 (the seed report's targets) with each of its 27 village-level
 * units, and the district's with the town, so that the assessment of 2012 is meaningful.
 */
@Component
class DemoAssessment {
    static final int YEAR = 2012;
    static final List<Target> TARGETS = List.of(
            target("POLICY_BIRTH_RATE", Comparison.GE, "99", null, 25, Rule.ALL_OR_NOTHING),
            target("CONTRACEPTION_RATE", Comparison.GE, "100", "95", 20, Rule.PRO_RATA),
            target("CHECK_RATE", Comparison.GE, "98", "90", 20, Rule.PRO_RATA),
            target("REGISTER_ACCURACY", Comparison.GE, "98", null, 15, Rule.ALL_OR_NOTHING),
            target("EXCHANGE_FEEDBACK_TIMELINESS", Comparison.GE, "90", "80", 10, Rule.PRO_RATA),
            target("SUPPLY_ACQUISITION_RATE", Comparison.GE, "99", null, 10, Rule.ALL_OR_NOTHING));

    private final AgreementService agreements;
    private final AreaService areas;

    DemoAssessment(AgreementService agreements, AreaService areas) {
        this.agreements = agreements;
        this.areas = areas;
    }

    void generate() {
        LocalDate signed = LocalDate.of(2011, 12, 28);
        for (Area unit : areas.children(DemoTown.TOWN_CODE)) {
            if (unit.level() == Area.Level.VILLAGE) {
                agreements.save(YEAR, unit.code(), new AgreementService.Draft(signed, "镇计生办 刘玉娥",
                        unit.name() + "专干", TARGETS));
            }
        }
        agreements.save(YEAR, DemoTown.TOWN_CODE, new AgreementService.Draft(LocalDate.of(2011, 12, 20),
                "区卫健局 张主任", "捞刀河镇 镇长", TARGETS));
    }

    private static Target target(String code, Comparison c, String target, String floor, int weight, Rule rule) {
        return new Target(code, c, new BigDecimal(target), floor == null ? null : new BigDecimal(floor), weight, rule);
    }
}
