package org.renkou;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * One application context for every integration test: one embedded PostgreSQL per test JVM (ephemeral,
 * deleted at exit), with the demo town loaded. Tests that write make their own data, so they do not disturb
 * the demo town's figures. It runs as behind the README's TLS proxy (forwarded headers honoured), so that a
 * test can ask for HTTPS.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"renkou.embedded-db.ephemeral=true", "renkou.demo=true", "renkou.portal.per-address-per-hour=1000",
                "server.forward-headers-strategy=native"})
@org.springframework.context.annotation.Import(SentMessages.class)
public @interface RenkouTest {
}
