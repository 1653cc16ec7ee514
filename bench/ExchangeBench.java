import java.nio.file.Files;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.renkou.RenkouApplication;
import org.renkou.exchange.ExchangeHandler;
import org.renkou.exchange.ExchangeService;
import org.renkou.exchange.IncomingMessage;
import org.renkou.exchange.Peer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes on loopback, each with its own embedded PostgreSQL: node A queues 10,000 requests for node B,
 * B answers each with feedback; measured from the first request queued to the last feedback applied at A.
 * Checks that every request was answered and nothing was applied twice.
 */
public class ExchangeBench {
    static final int MESSAGES = Integer.getInteger("messages", 10_000);
    static final Set<UUID> answered = ConcurrentHashMap.newKeySet();
    static final Set<UUID> duplicates = ConcurrentHashMap.newKeySet();

    /** B: answers a request with feedback that refers to it. */
    static final class Request implements ExchangeHandler {
        private final ExchangeService exchange;

        Request(ExchangeService exchange) {
            this.exchange = exchange;
        }

        public String kind() {
            return "bench.request";
        }

        public void handle(IncomingMessage m) {
            exchange.send(m.sender(), "bench.feedback", "{\"found\":true}", m.id());
        }
    }

    /** A: notes each answered request. */
    static final class Feedback implements ExchangeHandler {
        public String kind() {
            return "bench.feedback";
        }

        public void handle(IncomingMessage m) {
            if (!answered.add(m.correlationId())) {
                duplicates.add(m.correlationId());
            }
        }
    }

    static ConfigurableApplicationContext node(String code) {
        return new SpringApplicationBuilder(RenkouApplication.class)
                .initializers(ctx -> {
                    ((GenericApplicationContext) ctx).registerBean(Request.class);
                    ((GenericApplicationContext) ctx).registerBean(Feedback.class);
                })
                .run("--server.port=0", "--renkou.embedded-db.ephemeral=true", "--renkou.embedded-db.name=bench-" + code,
                        "--renkou.demo=false", "--renkou.node.code=" + code, "--renkou.exchange.dispatch-ms=20",
                        "--RENKOU_ADMIN_PASSWORD=bench-admin-pw", "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off");
    }

    static void introduce(ConfigurableApplicationContext to, ConfigurableApplicationContext peer) {
        ExchangeService p = peer.getBean(ExchangeService.class);
        String url = "http://127.0.0.1:" + ((WebServerApplicationContext) peer).getWebServer().getPort();
        to.getBean(ExchangeService.class).savePeer(new Peer(p.nodeCode(), p.nodeCode(), url, p.publicKey()));
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext a = node("430105201"); ConfigurableApplicationContext b = node("430105202")) {
            introduce(a, b);
            introduce(b, a);
            ExchangeService exchangeA = a.getBean(ExchangeService.class);
            long start = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                exchangeA.send("430105202", "bench.request", "{\"n\":" + i + "}", null);
            }
            double queued = (System.nanoTime() - start) / 1e9;
            while (answered.size() < MESSAGES) {
                Thread.sleep(20);
                if ((System.nanoTime() - start) / 1e9 > 600) {
                    break;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long inboxB = b.getBean(JdbcClient.class).sql("select count(*) from exchange_inbox").query(Long.class).single();
            System.out.printf("queued %,d requests in %.1f s; all answered after %.1f s: %,.0f messages/s "
                            + "(requests + feedback); answered %,d, applied twice %d, B's inbox %,d%n", MESSAGES, queued,
                    seconds, 2 * MESSAGES / seconds, answered.size(), duplicates.size(), inboxB);
        }
        System.exit(0);
    }
}
