package org.renkou;

import java.util.function.BooleanSupplier;
import org.renkou.access.SignedIn;
import org.renkou.exchange.ExchangeService;
import org.renkou.exchange.Peer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Helpers for tests with several Renkou nodes in one JVM. */
public final class TwoNodes {
    private TwoNodes() {
    }

    public static String url(ConfigurableApplicationContext node) {
        return "http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    /** Makes {@code peer} known to {@code to}, listening at {@code url}. */
    public static void introduce(ConfigurableApplicationContext to, ConfigurableApplicationContext peer, String url) {
        ExchangeService p = peer.getBean(ExchangeService.class);
        SignedIn.as(to, "admin", () -> to.getBean(ExchangeService.class)
                .savePeer(new Peer(p.nodeCode(), "node " + p.nodeCode(), url, p.publicKey())));
    }

    public static void await(BooleanSupplier condition) {
        long end = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
