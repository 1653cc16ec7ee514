package org.renkou.supplies;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.renkou.access.NotAudited;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/supplies")
@Tag(name = "Supplies", description = "Distribution points, stock ledger, surveys")
@NotAudited("supply points, stock, ledgers and surveys: no personal data; audited by SupplyService")
class SupplyApiController {
    private final SupplyService supplies;

    SupplyApiController(SupplyService supplies) {
        this.supplies = supplies;
    }

    @GetMapping("/points")
    List<SupplyPoint> points() {
        return supplies.points();
    }

    record PointForm(String name, String kind, String villageCode, String keeper, String opening) {
    }

    @PostMapping("/points")
    @ResponseStatus(HttpStatus.CREATED)
    SupplyPoint addPoint(@RequestBody PointForm f) {
        return supplies.addPoint(f.name(), f.kind(), f.villageCode(), f.keeper(), f.opening());
    }

    @GetMapping("/items")
    List<SupplyService.Item> items() {
        return supplies.items();
    }

    record Movement(Long itemId, Integer quantity, LocalDate movedOn, String note) {
    }

    @PostMapping("/points/{id}/ledger")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Receive (quantity > 0) or issue (quantity < 0); the balance never goes below zero")
    LedgerEntry move(@PathVariable long id, @RequestBody Movement m) {
        return supplies.move(id, m.itemId() == null ? -1 : m.itemId(), m.quantity() == null ? 0 : m.quantity(), m.movedOn(), m.note());
    }

    @GetMapping("/points/{id}/ledger")
    List<LedgerEntry> ledger(@PathVariable long id) {
        return supplies.ledger(id);
    }

    @GetMapping("/stock")
    List<Stock> stock() {
        return supplies.stock();
    }

    @GetMapping("/stock/low")
    List<Stock> lowStock() {
        return supplies.lowStock();
    }

    record SurveyForm(String villageCode, LocalDate surveyedOn, int sample, int acquired, int aware) {
    }

    @PostMapping("/surveys")
    @ResponseStatus(HttpStatus.CREATED)
    Survey survey(@RequestBody SurveyForm f) {
        return supplies.recordSurvey(f.villageCode(), f.surveyedOn(), f.sample(), f.acquired(), f.aware());
    }
}
