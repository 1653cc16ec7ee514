package org.renkou.health;

import java.util.ArrayList;
import java.util.List;
import org.renkou.area.AreaService;
import org.renkou.common.Messages;
import org.renkou.common.Pdf;
import org.springframework.stereotype.Component;

/** The printable roster of a campaign (per village): who is to come, with space for the result. */
@Component
class RosterPdf {
    private final AreaService areas;
    private final Messages messages;

    RosterPdf(AreaService areas, Messages messages) {
        this.areas = areas;
        this.messages = messages;
    }

    byte[] render(Campaign c, List<RosterLine> roster, String village) {
        String place = village == null || village.isBlank() ? "" : areas.find(village).map(a -> a.name() + " ").orElse("");
        return Pdf.write(false, pdf -> {
            pdf.title(c.name() + " " + messages.get("campaign.roster"));
            pdf.paragraph(place + c.startsOn() + " – " + c.endsOn() + "    " + messages.get("campaign.roster") + " " + roster.size());
            List<List<String>> rows = new ArrayList<>();
            int n = 1;
            for (RosterLine r : roster) {
                rows.add(List.of(String.valueOf(n++), r.name(), r.maskedIdNumber() == null ? "" : r.maskedIdNumber(),
                        areas.find(r.villageCode()).map(a -> a.name()).orElse(r.villageCode()),
                        r.checkedOn() == null ? "" : r.checkedOn().toString(),
                        r.result() == null ? "" : messages.get("health.result." + r.result()), ""));
            }
            pdf.table(List.of("#", messages.get("field.name"), messages.get("field.idNumber"), messages.get("campaign.village"),
                    messages.get("field.checkedOn"), messages.get("field.result"), messages.get("campaign.signature")), rows,
                    new float[]{3, 8, 14, 9, 8, 8, 8});
        });
    }
}
