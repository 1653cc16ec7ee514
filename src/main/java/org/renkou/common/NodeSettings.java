package org.renkou.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This node's code in the exchange with other towns (renkou.node.code): the town code it serves, which is also
 * where a public request lands when the resident names no village.
 */
@ConfigurationProperties("renkou.node")
public record NodeSettings(@DefaultValue("430105100") String code) {
}
