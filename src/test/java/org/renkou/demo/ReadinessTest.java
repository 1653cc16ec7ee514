package org.renkou.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouApplication;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * The web server answers before the start-up's loading (the demo town, the first administrator) is done: until it
 * is, {@code /actuator/health} must not say UP, or clients are told "ready" while every login fails. A runner after
 * the demo loader holds the start-up here, so the health check is asked while the loading is still under way.
 */
class ReadinessTest {

    @Test
    void healthIsUpOnlyOnceTheStartUpLoadingIsDone() throws Exception {
        HeldStartUp held = new HeldStartUp();
        SpringApplication app = new SpringApplication(RenkouApplication.class);
        app.addInitializers(context -> {
            held.context = context;
            context.getBeanFactory().registerSingleton("heldStartUp", held);
        });
        CompletableFuture<ConfigurableApplicationContext> started = CompletableFuture.supplyAsync(() -> app.run(
                "--server.port=0", "--renkou.embedded-db.ephemeral=true", "--renkou.embedded-db.name=readiness",
                "--renkou.demo=false", "--RENKOU_ADMIN_PASSWORD=admin123"));
        try {
            assertThat(held.running.await(300, TimeUnit.SECONDS)).isTrue();
            int port = ((WebServerApplicationContext) held.context).getWebServer().getPort();
            Api.Response loading = Api.anonymous(port).get("/actuator/health");
            assertThat(loading.status()).as(loading.body()).isEqualTo(503);
            assertThat(loading.body()).isEqualTo("{\"status\":\"OUT_OF_SERVICE\"}");

            held.release.countDown();
            try (ConfigurableApplicationContext context = started.get(300, TimeUnit.SECONDS)) {
                Api.Response ready = Api.anonymous(port).get("/actuator/health");
                assertThat(ready.status()).isEqualTo(200);
                assertThat(ready.body()).isEqualTo("{\"status\":\"UP\"}");
                assertThat(Api.as(port, "admin", "admin123").get("/api/v1/areas").status()).isEqualTo(200);
            }
        } finally {
            held.release.countDown();
        }
    }

    /** Runs after every runner of the application (the demo loader's order is 10) and waits to be released. */
    static final class HeldStartUp implements ApplicationRunner, Ordered {
        final CountDownLatch running = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile ConfigurableApplicationContext context;

        @Override
        public void run(ApplicationArguments args) throws InterruptedException {
            running.countDown();
            release.await();
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
