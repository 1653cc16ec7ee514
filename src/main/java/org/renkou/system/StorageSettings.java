package org.renkou.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its files (renkou.data-dir). An ephemeral database
 * (renkou.embedded-db.ephemeral, for tests and benchmarks) lives in the temporary folder for one JVM; its
 * name gives several applications of one JVM (two test nodes) their own.
 */
@ConfigurationProperties("renkou")
record StorageSettings(@DefaultValue("./data") Path dataDir, @DefaultValue EmbeddedDb embeddedDb) {

    record EmbeddedDb(@DefaultValue("false") boolean ephemeral, @DefaultValue("") String name) {
    }
}
