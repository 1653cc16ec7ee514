package org.renkou.demo;

import org.renkou.area.AreaService;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page says so when the register holds the synthetic demo town. */
@ControllerAdvice
class SyntheticDataBanner {
    private final AreaService areas;

    SyntheticDataBanner(AreaService areas) {
        this.areas = areas;
    }

    @ModelAttribute("syntheticData")
    boolean syntheticData() {
        return areas.find(DemoTown.TOWN_CODE).map(a -> DemoTown.TOWN_NAME.equals(a.name())).orElse(false);
    }
}
