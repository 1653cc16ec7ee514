package org.renkou.demo;

import org.renkou.area.AreaService;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page says so when the register holds the synthetic demo town. */
@ControllerAdvice
class SyntheticDataBanner {
    private final AreaService areas;
    private volatile boolean demoTown;

    SyntheticDataBanner(AreaService areas) {
        this.areas = areas;
    }

    /** Once the demo town is seen it stays: this advice runs for every request, API calls included. */
    @ModelAttribute("syntheticData")
    boolean syntheticData() {
        if (!demoTown) {
            demoTown = areas.find(DemoTown.TOWN_CODE).map(a -> DemoTown.TOWN_NAME.equals(a.name())).orElse(false);
        }
        return demoTown;
    }
}
