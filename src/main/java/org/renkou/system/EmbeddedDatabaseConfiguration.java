package org.renkou.system;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** With no {@code spring.datasource.url}, Renkou keeps its data in an embedded PostgreSQL under ./data/. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(StorageSettings.class)
class EmbeddedDatabaseConfiguration {

    @Bean
    DataSource dataSource(StorageSettings settings) {
        boolean ephemeral = settings.embeddedDb().ephemeral();
        String name = settings.embeddedDb().name();
        Path dir = ephemeral
                ? Path.of(System.getProperty("java.io.tmpdir"), "renkou-test-pg-" + ProcessHandle.current().pid()
                        + (name.isBlank() ? "" : "-" + name))
                : settings.dataDir().resolve("postgres");
        EmbeddedPostgres pg = EmbeddedPostgres.start(dir, ephemeral);
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.jdbcUrl());
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(20);
        return ds;
    }
}
