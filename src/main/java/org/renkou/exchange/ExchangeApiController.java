package org.renkou.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/exchange")
@Tag(name = "Exchange between nodes", description = "Peers, outbox and inbox of this node")
class ExchangeApiController {
    private final ExchangeService exchange;

    ExchangeApiController(ExchangeService exchange) {
        this.exchange = exchange;
    }

    @GetMapping("/peers")
    List<Peer> peers() {
        return exchange.peers();
    }

    @PostMapping("/peers")
    @Operation(summary = "Add or change a peer node (administrators): code, name, baseUrl, publicKey")
    Peer savePeer(@RequestBody Peer peer) {
        return exchange.savePeer(peer);
    }

    @GetMapping("/outbox")
    @Operation(summary = "Messages sent by this node, newest first, with their delivery state")
    List<OutgoingMessage> outbox(@RequestParam(defaultValue = "100") @Min(1) int limit) {
        return exchange.outbox(Math.min(limit, 1000));
    }

    @GetMapping("/inbox")
    List<IncomingMessage> inbox(@RequestParam(defaultValue = "100") @Min(1) int limit) {
        return exchange.inbox(Math.min(limit, 1000));
    }
}
