package org.renkou.health;

import java.time.LocalDate;
import java.util.List;
import org.renkou.health.HealthCodes.CheckKind;

public record CampaignForm(String name, List<CheckKind> kinds, LocalDate startsOn, LocalDate endsOn,
                           List<String> areaCodes) {
}
