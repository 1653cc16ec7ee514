package org.renkou.migration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Days the hukou place has to answer a verification request (协查): shorter for key subjects (renkou.migration.*). */
@ConfigurationProperties("renkou.migration")
record MigrationSettings(@DefaultValue DeadlineDays deadlineDays) {

    record DeadlineDays(@DefaultValue("15") int keySubject, @DefaultValue("30") int other) {
    }
}
