package org.renkou.people;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An import adding at least {@code largeLoadRows} persons to a register without persons is written as a large
 * load (renkou.import.large-load-rows): COPY into a bare table, indexes built afterwards.
 */
@ConfigurationProperties("renkou.import")
record LargeLoadSettings(@DefaultValue("100000") long largeLoadRows) {
}
