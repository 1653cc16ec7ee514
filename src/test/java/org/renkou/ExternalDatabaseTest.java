package org.renkou;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.renkou.system.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With SPRING_DATASOURCE_URL set, Renkou uses that server (here a second PostgreSQL standing in for an
 * external one), runs the same migrations there, and does not load the demo town by default.
 */
class ExternalDatabaseTest {
    @Test
    void runsOnAConfiguredServerWithTheSameMigrations() {
        // ephemeral: stopped and deleted when the test JVM ends (a JUnit temp folder would vanish under it first)
        EmbeddedPostgres external = EmbeddedPostgres.start(Path.of(System.getProperty("java.io.tmpdir"),
                "renkou-test-pg-" + ProcessHandle.current().pid() + "-external"), true);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(RenkouApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + external.jdbcUrl(),
                        "--spring.datasource.username=postgres", "--RENKOU_ADMIN_PASSWORD=first-admin-pw")) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
                    .isGreaterThanOrEqualTo(4);
            assertThat(jdbc.sql("select count(*) from area").query(Long.class).single()).as("no demo town").isZero();
            assertThat(jdbc.sql("select username || ' ' || role from app_user").query(String.class).list())
                    .containsExactly("admin ADMIN");
            assertThat(jdbc.sql("select password_hash from app_user").query(String.class).single())
                    .doesNotContain("first-admin-pw");
        }
    }
}
