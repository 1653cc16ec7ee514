package org.renkou.system;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** With no {@code spring.datasource.url}, Renkou keeps its data in an embedded PostgreSQL under ./data/. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {


    @Bean
    DataSource dataSource(@Value("${renkou.data-dir:./data}") String dataDir,
                          @Value("${renkou.embedded-db.ephemeral:false}") boolean ephemeral,
                          @Value("${renkou.embedded-db.name:}") String name) {
        // an ephemeral database lives for one JVM; a name gives several apps of one JVM (two test nodes) their own
        Path dir = ephemeral
                ? Path.of(System.getProperty("java.io.tmpdir"), "renkou-test-pg-" + ProcessHandle.current().pid()
                        + (name.isBlank() ? "" : "-" + name))
                : Path.of(dataDir, "postgres");
        EmbeddedPostgres pg = EmbeddedPostgres.start(dir, ephemeral);
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.jdbcUrl());
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(20);
        return ds;
    }
}
