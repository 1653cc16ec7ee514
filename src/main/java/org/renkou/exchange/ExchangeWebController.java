package org.renkou.exchange;

import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.Audited;
import org.renkou.access.NotAudited;
import org.renkou.common.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The exchange page: this node, its peers, and the messages sent and received with their states. */
@Controller
@Audited(target = "exchange_message")
class ExchangeWebController {
    private final ExchangeService exchange;
    private final AccessService access;

    ExchangeWebController(ExchangeService exchange, AccessService access) {
        this.exchange = exchange;
        this.access = access;
    }

    private static final int PAGE_SIZE = 20;

    @GetMapping("/exchange")
    String page(@RequestParam(defaultValue = "0") int outboxPage,
                @RequestParam(defaultValue = "0") int inboxPage, Model model) {
        model.addAttribute("nodeCode", exchange.nodeCode());
        model.addAttribute("publicKey", exchange.publicKey());
        model.addAttribute("peers", exchange.peers());
        model.addAttribute("outbox", exchange.outbox(outboxPage, PAGE_SIZE));
        model.addAttribute("inbox", exchange.inbox(inboxPage, PAGE_SIZE));
        model.addAttribute("isAdmin", access.has(Permission.ADMINISTER));
        return "exchange/exchange";
    }

    @NotAudited("peer nodes and their keys; audited by ExchangeService")
    @PostMapping("/exchange/peers")
    String savePeer(@RequestParam String code, @RequestParam String name, @RequestParam String baseUrl,
                    @RequestParam String publicKey, Model model, RedirectAttributes redirect) {
        return Forms.saveOrShow(model, redirect, "/exchange",
                () -> exchange.savePeer(new Peer(code.trim(), name.trim(), baseUrl.trim(), publicKey.trim())),
                () -> page(0, 0, model));
    }
}
