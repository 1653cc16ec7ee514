package org.renkou.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.renkou.access.Audited;
import org.renkou.access.NotAudited;
import org.renkou.common.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/exchange")
@Tag(name = "Exchange between nodes", description = "Peers, outbox and inbox of this node")
@Audited(target = "exchange_message")
class ExchangeApiController {
    private final ExchangeService exchange;

    ExchangeApiController(ExchangeService exchange) {
        this.exchange = exchange;
    }

    @NotAudited("peer nodes and their keys")
    @GetMapping("/peers")
    List<Peer> peers() {
        return exchange.peers();
    }

    @NotAudited("peer nodes and their keys; audited by ExchangeService")
    @PostMapping("/peers")
    @Operation(summary = "Add or change a peer node (administrators): code, name, baseUrl, publicKey")
    Peer savePeer(@RequestBody Peer peer) {
        return exchange.savePeer(peer);
    }

    @GetMapping("/outbox")
    @Operation(summary = "Messages sent by this node, newest first, with their delivery state; a bare list of `limit` "
            + "(at most 1000) from page `page`, the true total in X-Total-Count")
    ResponseEntity<List<OutgoingMessage>> outbox(@RequestParam(defaultValue = "100") @Min(1) int limit,
                                                 @RequestParam(defaultValue = "0") @Min(0) int page) {
        return withTotal(exchange.outbox(page, limit));
    }

    @GetMapping("/inbox")
    @Operation(summary = "Messages received, newest first; a bare list of `limit` (at most 1000) from page `page`, "
            + "the true total in X-Total-Count")
    ResponseEntity<List<IncomingMessage>> inbox(@RequestParam(defaultValue = "100") @Min(1) int limit,
                                                @RequestParam(defaultValue = "0") @Min(0) int page) {
        return withTotal(exchange.inbox(page, limit));
    }

    /** These lists were bare lists before they were paged: clients keep the list, the total is in a header. */
    private static <T> ResponseEntity<List<T>> withTotal(PageResult<T> result) {
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(result.total())).body(result.items());
    }
}
