package org.renkou.area;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.renkou.access.NotAudited;
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
@RequestMapping("/api/v1/areas")
@Tag(name = "Areas", description = "The tree of places: county, town, village-level units, grids")
@NotAudited("places and grids, no personal data; changes are audited by AreaService")
class AreaApiController {
    private final AreaService areas;

    AreaApiController(AreaService areas) {
        this.areas = areas;
    }

    @GetMapping
    @Operation(summary = "Top-level areas, or the children of ?parent=CODE")
    List<Area> list(@RequestParam(required = false) String parent) {
        return parent == null ? areas.roots() : areas.children(parent);
    }

    @GetMapping("/{code}")
    Area get(@PathVariable String code) {
        return areas.get(code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an area; codes must extend the parent's code")
    Area create(@RequestBody Area area) {
        return areas.create(area);
    }
}
